package org.megacity.assets;

import java.util.Objects;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * An urban-renewal project.
 *
 * @param budgetWan  the budget in 10,000 yuan (万元)
 * @param households households affected
 */
public record RenewalProject(long id, String name, RenewalPhase phase, long budgetWan, int households, Geometry area)
        implements Asset {

    public RenewalProject {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(area, "area");
    }

    @Override
    public AssetType type() {
        return AssetType.RENEWAL_PROJECT;
    }

    @Override
    public Geometry geometry() {
        return area;
    }

    @Override
    public Envelope envelope() {
        return area.getEnvelopeInternal();
    }
}
