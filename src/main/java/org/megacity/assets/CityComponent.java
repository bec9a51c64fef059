package org.megacity.assets;

import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A city component (部件): a coded physical object at a point; its class is in its code. Its id is
 * its code read as a number, so a code finds its component as fast as an id.
 */
public record CityComponent(ComponentCode code, ComponentStatus status, double lon, double lat) implements Asset {

    public CityComponent {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(status, "status");
    }

    @Override
    public long id() {
        return code.number();
    }

    @Override
    public AssetType type() {
        return AssetType.COMPONENT;
    }

    @Override
    public Geometry geometry() {
        return Geometries.FACTORY.createPoint(new Coordinate(lon, lat));
    }

    @Override
    public Envelope envelope() {
        return new Envelope(lon, lon, lat, lat);
    }
}
