package org.megacity.citymodel.generation;

import java.util.ArrayList;
import java.util.List;
import org.megacity.citymodel.CityScale;
import org.megacity.citymodel.LandscapeFeature;
import org.megacity.geo.Division;

/**
 * A generated city: its divisions at every level (longitude/latitude), ordered by code within each
 * level, and its landscape.
 *
 * @param scale     the scale it was generated at
 * @param seed      the seed it was generated from
 * @param name      the city's Chinese name
 * @param nameEn    the city's English name
 * @param landscape the rivers' water surfaces
 */
public record GeneratedCity(CityScale scale, long seed, String name, String nameEn, List<Division> districts,
        List<Division> streets, List<Division> communities, List<Division> grids, List<LandscapeFeature> landscape) {

    public GeneratedCity {
        districts = List.copyOf(districts);
        streets = List.copyOf(streets);
        communities = List.copyOf(communities);
        grids = List.copyOf(grids);
        landscape = List.copyOf(landscape);
    }

    /** Every division, parents before children: what {@code Geography.importDivisions} takes. */
    public List<Division> divisions() {
        List<Division> all = new ArrayList<>(districts.size() + streets.size() + communities.size() + grids.size());
        all.addAll(districts);
        all.addAll(streets);
        all.addAll(communities);
        all.addAll(grids);
        return all;
    }
}
