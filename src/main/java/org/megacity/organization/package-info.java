/**
 * The city's organization: its departments (government bureaus, utility operators, the 12345 centre)
 * with their district branches, and the three levels of city operation and governance centres (city,
 * district, street), each bound to its division. Cases are routed to "department X in district Y" and
 * dispatched by the centre of the division where they lie.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organization")
package org.megacity.organization;
