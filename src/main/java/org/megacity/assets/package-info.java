/**
 * The city's physical body: pipe networks per utility as graphs, parks, land parcels, urban-renewal
 * projects and city components, indexed in memory for spatial queries and analysed for excavation
 * conflicts, valve isolation and zoning; served to GIS clients through OGC API – Features.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assets")
package org.megacity.assets;
