package org.megacity.assets;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** Something the registry holds: an id unique within its type, a type and a place. */
public sealed interface Asset permits PipeNode, PipeSegment, Park, Parcel, RenewalProject, CityComponent {

    long id();

    AssetType type();

    /** The geometry in longitude/latitude (CGCS2000), built on demand for points and segments. */
    Geometry geometry();

    /** The bounding box in longitude/latitude. */
    Envelope envelope();
}
