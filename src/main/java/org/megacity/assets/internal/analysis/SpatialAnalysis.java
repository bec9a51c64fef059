package org.megacity.assets.internal.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.megacity.assets.CityComponent;
import org.megacity.assets.Parcel;
import org.megacity.assets.PipeNode;
import org.megacity.assets.PipeSegment;
import org.megacity.assets.Utility;
import org.megacity.assets.internal.AssetRegistryService;
import org.megacity.assets.internal.AssetSettings;
import org.megacity.assets.internal.AssetSnapshot;
import org.megacity.assets.internal.index.Layer;
import org.megacity.assets.internal.network.PipeNetwork;
import org.megacity.geo.CoordinateFrame;
import org.megacity.geo.Geography;
import org.megacity.geo.Location;
import org.megacity.organization.Department;
import org.megacity.organization.DepartmentBranch;
import org.megacity.organization.DepartmentCode;
import org.megacity.organization.Departments;
import org.springframework.stereotype.Service;

/** The analyses operators ask for: excavation conflicts, valve isolation, zoning. */
@Service
public class SpatialAnalysis {

    private final AssetRegistryService registry;
    private final AssetSettings settings;
    private final Geography geography;
    private final Departments departments;

    SpatialAnalysis(AssetRegistryService registry, AssetSettings settings, Geography geography, Departments departments) {
        this.registry = registry;
        this.settings = settings;
        this.geography = geography;
        this.departments = departments;
    }

    // ------------------------------------------------------------------ excavation

    /** A pipe the dig comes too close to. */
    public record SegmentConflict(PipeSegment segment, double distanceM, double safetyDistanceM) {
    }

    public record ComponentConflict(CityComponent component, double distanceM) {
    }

    /** Who to notify: the operator department and, where it has one, its branch in the dig's district. */
    public record Operator(String code, String name, String nameEn, String branch, String branchEn,
            List<String> utilities, int segments) {
    }

    public record Excavation(double depthM, List<SegmentConflict> segments, List<ComponentConflict> components,
            List<Operator> operators, Map<Utility, Double> safetyDistances, double verticalClearanceM,
            Optional<Location> location) {
    }

    /**
     * The segments within their utility's safety distance of the dig (horizontally, and not deeper
     * than the dig's depth plus the vertical clearance), the components within the largest such
     * distance, and the operators of the segments.
     */
    public Excavation excavation(Geometry dig, double depthM) {
        AssetSnapshot s = registry.snapshot();
        Point centre = dig.getCentroid();
        LocalPlane plane = new LocalPlane(centre.getCoordinate());
        Geometry digM = plane.project(dig);
        double reach = settings.maxSafetyDistance();
        Envelope search = plane.widen(dig.getEnvelopeInternal(), reach);
        List<SegmentConflict> segments = new ArrayList<>();
        Layer<PipeSegment> segmentLayer = s.segments();
        for (int i : segmentLayer.query(search, Integer.MAX_VALUE)) {
            PipeSegment seg = segmentLayer.get(i);
            if (seg.depthM() > depthM + settings.verticalClearance()) {
                continue;
            }
            double limit = settings.safetyDistance(seg.utility());
            double d = digM.distance(plane.project(seg.geometry()));
            if (d <= limit) {
                segments.add(new SegmentConflict(seg, round(d), limit));
            }
        }
        segments.sort(Comparator.comparingDouble(SegmentConflict::distanceM)
                .thenComparingLong(c -> c.segment().id()));
        List<ComponentConflict> components = new ArrayList<>();
        Layer<CityComponent> componentLayer = s.components();
        for (int i : componentLayer.query(search, Integer.MAX_VALUE)) {
            CityComponent c = componentLayer.get(i);
            double d = digM.distance(plane.project(c.geometry()));
            if (d <= reach) {
                components.add(new ComponentConflict(c, round(d)));
            }
        }
        components.sort(Comparator.comparingDouble(ComponentConflict::distanceM)
                .thenComparing(c -> c.component().code()));
        Optional<Location> location = geography.locate(centre.getX(), centre.getY(), CoordinateFrame.WGS84);
        return new Excavation(depthM, segments, components, operators(segments, location), settings.safetyDistances(),
                settings.verticalClearance(), location);
    }

    private List<Operator> operators(List<SegmentConflict> conflicts, Optional<Location> location) {
        Map<String, List<SegmentConflict>> byOperator = new TreeMap<>();
        for (SegmentConflict c : conflicts) {
            byOperator.computeIfAbsent(c.segment().operator(), k -> new ArrayList<>()).add(c);
        }
        List<Operator> out = new ArrayList<>();
        byOperator.forEach((code, list) -> {
            List<String> utilities = list.stream().map(c -> c.segment().utility().id()).distinct().sorted().toList();
            Optional<Department> dept = Optional.empty();
            Optional<DepartmentBranch> branch = Optional.empty();
            try {
                DepartmentCode dc = DepartmentCode.of(code);
                dept = departments.find(dc);
                if (location.isPresent()) {
                    branch = departments.branchFor(dc, org.megacity.geo.DivisionCode.of(location.get().grid().code()));
                }
            } catch (IllegalArgumentException notACode) {
                // an operator outside the organization chart: named by its code only
            }
            out.add(new Operator(code, dept.map(Department::name).orElse(code), dept.map(Department::nameEn).orElse(code),
                    branch.map(DepartmentBranch::name).orElse(null), branch.map(DepartmentBranch::nameEn).orElse(null),
                    utilities, list.size()));
        });
        return out;
    }

    // ------------------------------------------------------------------ isolation

    public record CommunityCount(String community, String name, String nameEn, int customers) {
    }

    public record Isolation(PipeSegment segment, List<PipeNode> valves, List<PipeSegment> isolated,
            List<PipeSegment> cutOff, List<PipeNode> customers, List<CommunityCount> byCommunity, Envelope area) {
    }

    /** A segment of a network that valves do not shut off (drainage, cables). */
    public static final class NotValved extends RuntimeException {
        public NotValved(PipeSegment s) {
            super("segment " + s.id() + " belongs to the " + s.utility().id() + " network, which valves do not"
                    + " shut off; isolation applies to water supply, gas and heat");
        }
    }

    /**
     * Isolation of a broken segment, or empty when there is no such segment.
     *
     * @throws NotValved for a segment of a drainage or cable network
     */
    public Optional<Isolation> isolation(long segmentId) {
        PipeNetwork network = registry.snapshot().network();
        int broken = network.segments().indexOf(segmentId);
        if (broken < 0) {
            return Optional.empty();
        }
        if (!network.segments().get(broken).utility().valved()) {
            throw new NotValved(network.segments().get(broken));
        }
        PipeNetwork.Isolation result = network.isolate(broken);
        List<PipeNode> valves = nodes(network.nodes(), result.valves());
        List<PipeSegment> isolated = segments(network.segments(), result.isolated());
        List<PipeSegment> cutOff = segments(network.segments(), result.cutOff());
        List<PipeNode> customers = nodes(network.nodes(), result.customers());
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, Location> places = new LinkedHashMap<>();
        for (PipeNode c : customers) {
            Optional<Location> at = geography.locate(c.lon(), c.lat(), CoordinateFrame.WGS84);
            String key = at.map(l -> l.community().code()).orElse("");
            counts.computeIfAbsent(key, k -> new int[1])[0]++;
            at.ifPresent(l -> places.putIfAbsent(key, l));
        }
        List<CommunityCount> byCommunity = new ArrayList<>();
        counts.forEach((code, n) -> {
            Location l = places.get(code);
            byCommunity.add(code.isEmpty() ? new CommunityCount(null, "城市网格外", "outside the city's grids", n[0])
                    : new CommunityCount(code, l.community().name(), l.community().nameEn(), n[0]));
        });
        Envelope area = new Envelope();
        cutOff.forEach(seg -> area.expandToInclude(seg.envelope()));
        return Optional.of(new Isolation(network.segments().get(broken), valves, isolated, cutOff, customers,
                byCommunity, area));
    }

    private static List<PipeNode> nodes(Layer<PipeNode> layer, int[] positions) {
        List<PipeNode> out = new ArrayList<>(positions.length);
        for (int i : positions) {
            out.add(layer.get(i));
        }
        return out;
    }

    private static List<PipeSegment> segments(Layer<PipeSegment> layer, int[] positions) {
        List<PipeSegment> out = new ArrayList<>(positions.length);
        for (int i : positions) {
            out.add(layer.get(i));
        }
        return out;
    }

    // ------------------------------------------------------------------ zoning

    public record ParcelVerdict(Parcel parcel, double overlapM2, LandUseRules.Verdict verdict) {
    }

    public record Zoning(String landUse, List<ParcelVerdict> parcels, LandUseRules.Verdict verdict) {
    }

    /**
     * The parcels the polygon overlaps (by area, touching edges excluded), each with whether the
     * requested use is permitted there; the overall verdict is the strictest of them (prohibited when
     * the polygon covers no parcel: nothing is zoned there).
     */
    public Zoning zoning(Geometry polygon, String landUse) {
        AssetSnapshot s = registry.snapshot();
        LocalPlane plane = new LocalPlane(polygon.getCentroid().getCoordinate());
        Geometry polygonM = plane.project(polygon);
        List<ParcelVerdict> out = new ArrayList<>();
        for (int i : s.parcels().query(polygon.getEnvelopeInternal(), Integer.MAX_VALUE)) {
            Parcel p = s.parcels().get(i);
            Geometry parcelM = plane.project(p.area());
            if (!parcelM.intersects(polygonM)) {
                continue;
            }
            double overlap = parcelM.intersection(polygonM).getArea();
            if (overlap < 0.01) {
                continue;
            }
            out.add(new ParcelVerdict(p, round(overlap), LandUseRules.verdict(p.landUse(), landUse)));
        }
        out.sort(Comparator.comparingDouble(ParcelVerdict::overlapM2).reversed());
        LandUseRules.Verdict overall = out.isEmpty() ? LandUseRules.Verdict.PROHIBITED
                : out.stream().map(ParcelVerdict::verdict).max(Comparator.naturalOrder()).orElseThrow();
        return new Zoning(landUse, out, overall);
    }

    static double round(double metres) {
        return Math.round(metres * 100) / 100.0;
    }
}
