/**
 * The city's geography: administrative divisions (district, street, community) and unit grids with
 * their codes and boundaries, locating a point in them, coordinate frames, and GeoJSON in and out.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Geography")
package org.megacity.geo;
