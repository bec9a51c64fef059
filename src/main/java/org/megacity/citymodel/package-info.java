/**
 * The demo city: a deterministic generator of a believable megacity (divisions, unit grids, rivers,
 * bilingual names, departments and operation centres) and, later, the export and import of a city's
 * whole configuration.
 */
@org.springframework.modulith.ApplicationModule(displayName = "City model")
package org.megacity.citymodel;
