/**
 * Case handling for grid management and the 12345 hotline: every problem reported by an inspector,
 * a citizen, a hotline call, a sensor or a deputy becomes a case that is filed, dispatched, handled,
 * verified, closed and evaluated on deadlines counted in working time, by the department and in the
 * jurisdiction the routing gives. Also serves Open311 GeoReport v2 at {@code /open311/v2}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cases")
package org.megacity.cases;
