package org.megacity.assets.internal;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.megacity.assets.Asset;
import org.megacity.assets.Park;
import org.megacity.assets.PipeSegment;
import org.megacity.assets.RenewalPhase;
import org.megacity.assets.RenewalProject;
import org.megacity.assets.Utility;
import org.megacity.assets.internal.index.Layer;
import org.megacity.geo.CoordinateFrame;
import org.megacity.geo.DivisionSummary;
import org.megacity.geo.GeoMeasure;
import org.megacity.geo.Geography;
import org.megacity.geo.Location;
import org.megacity.legislation.EvidenceSource;
import org.megacity.legislation.EvidenceTable;
import org.megacity.legislation.EvidenceTable.EvidenceRow;
import org.megacity.legislation.PriorityArea;
import org.springframework.stereotype.Component;

/**
 * The registry's figures for the evidence panel of a bill: the stock of assets as it is now (totals,
 * no months: assets are not events). Pipelines: segments and kilometres by utility, segments by
 * district; urban renewal: projects and households by phase, projects by district; parks: parks by
 * district. A district is where the asset's first point (or centroid) lies.
 */
@Component
class AssetEvidence implements EvidenceSource {

    private static final String SOURCE = "assets";

    private final AssetRegistryService registry;
    private final Geography geography;

    AssetEvidence(AssetRegistryService registry, Geography geography) {
        this.registry = registry;
        this.geography = geography;
    }

    @Override
    public List<EvidenceTable> evidence(PriorityArea area, YearMonth from, YearMonth to) {
        AssetSnapshot s = registry.snapshot();
        return switch (area) {
            case PIPELINES -> s.segments().size() == 0 ? List.of() : pipelines(s.segments());
            case URBAN_RENEWAL -> s.renewals().size() == 0 ? List.of() : renewal(s.renewals());
            case PARKS -> s.parks().size() == 0 ? List.of() : List.of(byDistrict(s.parks(), "公园（按区县）",
                    "Parks by district", "parks"));
            default -> List.of();
        };
    }

    private List<EvidenceTable> pipelines(Layer<PipeSegment> segments) {
        long[] count = new long[Utility.values().length];
        double[] metres = new double[Utility.values().length];
        for (int i = 0; i < segments.size(); i++) {
            PipeSegment seg = segments.get(i);
            count[seg.utility().ordinal()]++;
            double[] p = seg.path();
            GeoMeasure m = GeoMeasure.at(p[1]);
            for (int k = 2; k < p.length; k += 2) {
                double dx = (p[k] - p[k - 2]) * m.metresPerDegreeLon();
                double dy = (p[k + 1] - p[k - 1]) * m.metresPerDegreeLat();
                metres[seg.utility().ordinal()] += Math.sqrt(dx * dx + dy * dy);
            }
        }
        List<EvidenceRow> bySegments = new ArrayList<>();
        List<EvidenceRow> byLength = new ArrayList<>();
        for (Utility u : Utility.values()) {
            if (count[u.ordinal()] > 0) {
                bySegments.add(new EvidenceRow(u.id(), u.nameZh(), u.nameEn(), List.of(), count[u.ordinal()]));
                byLength.add(new EvidenceRow(u.id(), u.nameZh(), u.nameEn(), List.of(),
                        Math.round(metres[u.ordinal()] / 1000)));
            }
        }
        return List.of(
                new EvidenceTable(SOURCE, "管段（按管线种类）", "Pipe segments by utility", "utility", "segments",
                        List.of(), bySegments),
                new EvidenceTable(SOURCE, "管线长度（按管线种类）", "Pipe length by utility", "utility", "km", List.of(),
                        byLength),
                byDistrict(segments, "管段（按区县）", "Pipe segments by district", "segments"));
    }

    private List<EvidenceTable> renewal(Layer<RenewalProject> projects) {
        long[] count = new long[RenewalPhase.values().length];
        long[] households = new long[RenewalPhase.values().length];
        for (int i = 0; i < projects.size(); i++) {
            RenewalProject p = projects.get(i);
            count[p.phase().ordinal()]++;
            households[p.phase().ordinal()] += p.households();
        }
        List<EvidenceRow> byPhase = new ArrayList<>();
        List<EvidenceRow> householdRows = new ArrayList<>();
        for (RenewalPhase phase : RenewalPhase.values()) {
            String en = phase.id().substring(0, 1).toUpperCase() + phase.id().substring(1);
            byPhase.add(new EvidenceRow(phase.id(), phase.nameZh(), en, List.of(), count[phase.ordinal()]));
            householdRows.add(new EvidenceRow(phase.id(), phase.nameZh(), en, List.of(), households[phase.ordinal()]));
        }
        return List.of(
                new EvidenceTable(SOURCE, "城市更新项目（按阶段）", "Renewal projects by phase", "phase", "projects",
                        List.of(), byPhase),
                new EvidenceTable(SOURCE, "受影响住户（按阶段）", "Households affected by phase", "phase", "households",
                        List.of(), householdRows),
                byDistrict(projects, "城市更新项目（按区县）", "Renewal projects by district", "projects"));
    }

    private EvidenceTable byDistrict(Layer<? extends Asset> layer, String title, String titleEn, String unit) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, DivisionSummary> names = new TreeMap<>();
        for (int i = 0; i < layer.size(); i++) {
            Asset a = layer.get(i);
            double lon;
            double lat;
            if (a instanceof PipeSegment s) {
                lon = s.path()[0];
                lat = s.path()[1];
            } else if (a instanceof Park || a instanceof RenewalProject) {
                var c = a.geometry().getInteriorPoint();
                lon = c.getX();
                lat = c.getY();
            } else {
                var e = a.envelope();
                lon = e.centre().x;
                lat = e.centre().y;
            }
            Optional<Location> at = geography.locate(lon, lat, CoordinateFrame.WGS84);
            String key = at.map(l -> l.district().code()).orElse("");
            counts.computeIfAbsent(key, k -> new long[1])[0]++;
            at.ifPresent(l -> names.putIfAbsent(key, l.district()));
        }
        List<EvidenceRow> rows = new ArrayList<>();
        counts.forEach((code, n) -> {
            DivisionSummary d = names.get(code);
            rows.add(code.isEmpty() ? new EvidenceRow("", "城市网格外", "Outside the city's grids", List.of(), n[0])
                    : new EvidenceRow(code, d.name(), d.nameEn(), List.of(), n[0]));
        });
        return new EvidenceTable(SOURCE, title, titleEn, "district", unit, List.of(), rows);
    }
}
