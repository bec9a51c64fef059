package org.megacity.geo;

import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/**
 * The city's geography as the other modules use it. Reads are served from an in-memory index
 * rebuilt from the database at start and kept current on every import.
 */
public interface Geography {

    /**
     * The unit grid, community, street and district of a point, or empty when it lies outside every
     * grid of the city.
     */
    Optional<Location> locate(double lon, double lat, CoordinateFrame frame);

    Optional<Division> division(DivisionCode code);

    /** The divisions of a level, all or those under {@code parent} (nullable), ordered by code. */
    List<Division> divisions(DivisionLevel level, DivisionCode parent);

    /** The unit grids whose boundaries intersect the box (longitude/latitude). */
    List<Division> gridsIn(Envelope box);

    /** How many divisions of a level exist. */
    int count(DivisionLevel level);

    /**
     * Validates and stores divisions all or nothing: new codes are created, existing ones replaced.
     * Checks each boundary (valid polygon, in range, with area), duplicate codes, missing parents,
     * and that the children of every parent touched tile it without gaps or overlaps beyond a small
     * tolerance (see docs/geo.md); every problem names its division. Rings are reoriented to the
     * right-hand rule (JTS geometries carry no winding worth judging: JTS itself winds shells
     * clockwise); the GeoJSON import checks winding on the text. Publishes
     * {@link DivisionsImported} in the transaction that stores the divisions.
     */
    ImportOutcome importDivisions(List<Division> divisions);
}
