package org.megacity.citymodel;

import java.util.List;

/** The city's landscape layer (rivers), as stored with the city. */
public interface Landscape {

    /** Every feature, ordered by id; empty when no city has been generated. */
    List<LandscapeFeature> features();
}
