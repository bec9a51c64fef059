/**
 * The demo city: a deterministic generator of a believable megacity (divisions, unit grids, rivers,
 * bilingual names, departments and operation centres); and the city model: a city's whole
 * configuration as a versioned bundle, exported, imported into an empty instance and compared
 * ({@code ./megacity model export|import|diff}, docs/citymodel.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "City model")
package org.megacity.citymodel;
