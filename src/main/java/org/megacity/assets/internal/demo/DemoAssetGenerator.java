package org.megacity.assets.internal.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.megacity.assets.CityComponent;
import org.megacity.assets.ComponentCode;
import org.megacity.assets.ComponentStatus;
import org.megacity.assets.Geometries;
import org.megacity.assets.NodeKind;
import org.megacity.assets.Park;
import org.megacity.assets.Parcel;
import org.megacity.assets.PipeNode;
import org.megacity.assets.PipeSegment;
import org.megacity.assets.RenewalPhase;
import org.megacity.assets.RenewalProject;
import org.megacity.assets.Utility;
import org.megacity.assets.internal.storage.AssetBatch;
import org.megacity.geo.Division;
import org.megacity.geo.GeoMeasure;

/**
 * The demo city's assets, generated from its unit grids (the built area) and a seed; the same grids
 * and seed give the same assets.
 *
 * <ul>
 * <li>Pipe networks: per utility a square lattice over the built area, its spacing chosen so the
 *     seven networks hold about {@code segmentTarget} segments together (about 1.8 million on the
 *     megacity's 620 km² of grids: spacing about 78 m). Lattice points inside a grid are nodes; the
 *     sides between neighbouring nodes are mains; half the nodes feed a customer connection on a
 *     short service pipe. Pressure networks (water, gas, heat) have a valve on 70% of their mains
 *     near a junction (3% of valves closed) and a source every 37 lattice steps; the others have
 *     manholes.
 *     Each utility's lattice is shifted so their pipes run side by side, not on top of each other.</li>
 * <li>Components: {@code componentTarget} points spread over the grids, with classes weighted as a
 *     city's inventory is (manhole covers and lamps first) and codes numbered per district and class.</li>
 * <li>Parcels: one per grid, its land use drawn per community (so neighbourhoods are coherent);
 *     parks on about one grid in 150; renewal projects on about one grid in 100.</li>
 * </ul>
 */
public final class DemoAssetGenerator {

    /** The megacity's figures (DOMAIN.md §1): 180,000 km of pipes in about 1.8 million segments, 1 million components. */
    public static final int MEGACITY_SEGMENTS = 1_800_000;
    public static final int MEGACITY_COMPONENTS = 1_000_000;
    /** The megacity's grid count; smaller cities get proportionally fewer assets. */
    public static final int MEGACITY_GRIDS = 62_000;

    private static final double CUSTOMERS_PER_NODE = 0.5;
    private static final int SOURCE_EVERY = 37;
    /**
     * The share of mains with a valve on them in pressure networks. Valves sit on mains near the
     * junctions, so a burst is isolated by closing the few valves around its block; with fewer than
     * half the mains unvalved the unvalved ones form small clusters (bond percolation on a square
     * lattice has its threshold at one half), so an isolated section stays a block, not a district.
     */
    private static final double VALVED_EDGES = 0.7;
    private static final String[][] CLASSES = {
            // major, minor, weight (per mille)
            {"01", "01", "60"}, {"01", "02", "45"}, {"01", "03", "45"}, {"01", "04", "30"}, {"01", "05", "40"},
            {"01", "06", "15"}, {"01", "07", "40"}, {"01", "08", "160"}, {"01", "09", "80"}, {"01", "10", "15"},
            {"02", "01", "90"}, {"02", "02", "25"}, {"03", "01", "110"}, {"03", "02", "10"}, {"04", "01", "150"},
            {"04", "02", "40"}, {"05", "01", "30"}, {"06", "01", "15"}};
    private static final String[] LAND_USES = {"R2", "R2", "R2", "R2", "R2", "B1", "B1", "A1", "M1", "W1", "G1",
            "S1", "U1", "R2", "B1", "A3"};
    private static final String[] PARK_NAMES = {"滨江公园", "中心公园", "儿童公园", "体育公园", "湿地公园", "山地公园",
            "街心花园", "社区游园"};

    private DemoAssetGenerator() {
    }

    /** Generates the assets over these grids. */
    public static AssetBatch generate(List<Division> grids, long seed, int segmentTarget, int componentTarget) {
        AssetBatch batch = new AssetBatch();
        if (grids.isEmpty()) {
            return batch;
        }
        Envelope all = new Envelope();
        double area = 0;
        for (Division g : grids) {
            all.expandToInclude(g.boundary().getEnvelopeInternal());
        }
        GeoMeasure measure = GeoMeasure.at(all.centre().y);
        for (Division g : grids) {
            area += measure.squareMetres(g.boundary());
        }
        Plane plane = new Plane(all.getMinX(), all.getMinY(), measure.metresPerDegreeLon(), measure.metresPerDegreeLat());
        long[] ids = {0, 0};
        for (Utility u : Utility.values()) {
            // segments per lattice node: two mains (split in two where a valve sits on them) and the
            // customers' service pipes
            double perNode = (u.valved() ? 2 * (1 + VALVED_EDGES) : 2) + CUSTOMERS_PER_NODE;
            double nodesPerUtility = segmentTarget / (double) Utility.values().length / perNode;
            double spacing = Math.sqrt(area / Math.max(1, nodesPerUtility));
            network(batch, grids, plane, spacing, u, seed, ids);
        }
        components(batch, grids, seed, componentTarget);
        areas(batch, grids, seed);
        return batch;
    }

    record Plane(double lon0, double lat0, double mx, double my) {
        double lon(double x) {
            return lon0 + x / mx;
        }

        double lat(double y) {
            return lat0 + y / my;
        }

        double x(double lon) {
            return (lon - lon0) * mx;
        }

        double y(double lat) {
            return (lat - lat0) * my;
        }
    }

    private static void network(AssetBatch batch, List<Division> grids, Plane plane, double d, Utility u, long seed,
            long[] ids) {
        double offset = d * (u.ordinal() + 1) / (Utility.values().length + 1.0);
        boolean pressure = u == Utility.WATER_SUPPLY || u == Utility.GAS || u == Utility.HEAT;
        Map<Long, PipeNode> lattice = new HashMap<>();
        List<long[]> order = new ArrayList<>();
        for (Division g : grids) {
            Envelope e = g.boundary().getEnvelopeInternal();
            long i0 = (long) Math.ceil((plane.x(e.getMinX()) - offset) / d);
            long i1 = (long) Math.floor((plane.x(e.getMaxX()) - offset) / d);
            long j0 = (long) Math.ceil((plane.y(e.getMinY()) - offset) / d);
            long j1 = (long) Math.floor((plane.y(e.getMaxY()) - offset) / d);
            for (long i = i0; i <= i1; i++) {
                for (long j = j0; j <= j1; j++) {
                    long key = (i << 32) ^ (j & 0xffffffffL);
                    if (lattice.containsKey(key)) {
                        continue;
                    }
                    double lon = plane.lon(offset + i * d);
                    double lat = plane.lat(offset + j * d);
                    if (!inside(g.boundary(), lon, lat)) {
                        continue;
                    }
                    long h = mix(seed, u.ordinal(), i, j);
                    NodeKind kind;
                    boolean open = true;
                    if (pressure && Math.floorMod(i, SOURCE_EVERY) == 0 && Math.floorMod(j, SOURCE_EVERY) == 0) {
                        kind = NodeKind.SOURCE;
                    } else if (!pressure && Math.floorMod(h, 3) == 0) {
                        kind = NodeKind.MANHOLE;
                    } else {
                        kind = NodeKind.JUNCTION;
                    }
                    PipeNode node = new PipeNode(++ids[0], u, kind, open, lon, lat);
                    lattice.put(key, node);
                    order.add(new long[] {i, j});
                    batch.nodes.add(node);
                }
            }
        }
        String material = switch (u) {
            case WATER_SUPPLY -> "ductile-iron";
            case RAIN_DRAINAGE, SEWAGE -> "reinforced-concrete";
            case GAS -> "steel";
            case HEAT -> "pre-insulated-steel";
            case POWER, TELECOM -> "PVC-duct";
        };
        String serviceMaterial = switch (u) {
            case WATER_SUPPLY, GAS -> "PE";
            case RAIN_DRAINAGE, SEWAGE -> "HDPE";
            case HEAT -> "steel";
            case POWER, TELECOM -> "PE-duct";
        };
        double depth = switch (u) {
            case WATER_SUPPLY -> 1.2;
            case RAIN_DRAINAGE -> 2.0;
            case SEWAGE -> 2.5;
            case GAS -> 1.0;
            case HEAT -> 1.5;
            case POWER -> 0.8;
            case TELECOM -> 0.7;
        };
        String[] pressures = switch (u) {
            case GAS -> new String[] {"low", "medium-B", "medium-A"};
            case WATER_SUPPLY, HEAT -> new String[] {"low", "medium"};
            case POWER -> new String[] {"10kV", "0.4kV"};
            default -> new String[] {"gravity"};
        };
        if (u == Utility.TELECOM) {
            pressures = new String[] {"none"};
        }
        for (long[] ij : order) {
            long i = ij[0];
            long j = ij[1];
            PipeNode node = lattice.get((i << 32) ^ (j & 0xffffffffL));
            long h = mix(seed, 100 + u.ordinal(), i, j);
            for (int k = 0; k < 2; k++) {
                long ni = i + (k == 0 ? 1 : 0);
                long nj = j + (k == 1 ? 1 : 0);
                PipeNode next = lattice.get((ni << 32) ^ (nj & 0xffffffffL));
                if (next != null) {
                    long hh = h >>> (k * 16);
                    int diameter = 200 + 100 * (int) Math.floorMod(hh, 5);
                    int year = 1985 + (int) Math.floorMod(hh >>> 4, 40);
                    String pressureClass = pressures[(int) Math.floorMod(hh >>> 7, pressures.length)];
                    double segmentDepth = round(depth + Math.floorMod(hh >>> 10, 8) * 0.1);
                    long v = mix(seed, 200 + u.ordinal() * 2 + k, i, j);
                    if (pressure && Math.floorMod(v, 1000) < VALVED_EDGES * 1000) {
                        // a valve a quarter of the way along the main, near the junction it serves
                        double t = Math.floorMod(v >>> 12, 2) == 0 ? 0.25 : 0.75;
                        PipeNode valve = new PipeNode(++ids[0], u, NodeKind.VALVE, Math.floorMod(v >>> 20, 33) != 0,
                                node.lon() + (next.lon() - node.lon()) * t, node.lat() + (next.lat() - node.lat()) * t);
                        batch.nodes.add(valve);
                        batch.segments.add(new PipeSegment(++ids[1], u, node.id(), valve.id(), material, diameter, year,
                                pressureClass, segmentDepth, u.defaultOperator(),
                                new double[] {node.lon(), node.lat(), valve.lon(), valve.lat()}));
                        batch.segments.add(new PipeSegment(++ids[1], u, valve.id(), next.id(), material, diameter, year,
                                pressureClass, segmentDepth, u.defaultOperator(),
                                new double[] {valve.lon(), valve.lat(), next.lon(), next.lat()}));
                    } else {
                        batch.segments.add(new PipeSegment(++ids[1], u, node.id(), next.id(), material, diameter, year,
                                pressureClass, segmentDepth, u.defaultOperator(),
                                new double[] {node.lon(), node.lat(), next.lon(), next.lat()}));
                    }
                }
            }
            if (node.kind() == NodeKind.JUNCTION || node.kind() == NodeKind.MANHOLE) {
                if (Math.floorMod(h >>> 20, 2) == 0) {
                    double angle = Math.floorMod(h >>> 24, 360) * Math.PI / 180;
                    double lon = node.lon() + Math.cos(angle) * d * 0.22 / plane.mx();
                    double lat = node.lat() + Math.sin(angle) * d * 0.22 / plane.my();
                    PipeNode customer = new PipeNode(++ids[0], u, NodeKind.CUSTOMER_CONNECTION, true, lon, lat);
                    batch.nodes.add(customer);
                    batch.segments.add(new PipeSegment(++ids[1], u, node.id(), customer.id(), serviceMaterial,
                            u == Utility.RAIN_DRAINAGE || u == Utility.SEWAGE ? 150 : 50,
                            1990 + (int) Math.floorMod(h >>> 33, 35), pressures[0], round(depth * 0.8), u.defaultOperator(),
                            new double[] {node.lon(), node.lat(), lon, lat}));
                }
            }
        }
    }

    private static void components(AssetBatch batch, List<Division> grids, long seed, int target) {
        SplittableRandom random = new SplittableRandom(seed ^ 0xC0FFEEL);
        int[] cumulative = new int[CLASSES.length];
        int sum = 0;
        for (int k = 0; k < CLASSES.length; k++) {
            sum += Integer.parseInt(CLASSES[k][2]);
            cumulative[k] = sum;
        }
        Map<String, Integer> serials = new HashMap<>();
        for (int gi = 0; gi < grids.size(); gi++) {
            Division g = grids.get(gi);
            int n = (int) ((long) target * (gi + 1) / grids.size() - (long) target * gi / grids.size());
            Envelope e = g.boundary().getEnvelopeInternal();
            String district = g.code().value().substring(0, 6);
            for (int c = 0; c < n; c++) {
                double lon = 0;
                double lat = 0;
                for (int attempt = 0; attempt < 6; attempt++) {
                    lon = e.getMinX() + random.nextDouble() * e.getWidth();
                    lat = e.getMinY() + random.nextDouble() * e.getHeight();
                    if (inside(g.boundary(), lon, lat)) {
                        break;
                    }
                }
                int pick = random.nextInt(sum);
                int k = 0;
                while (cumulative[k] <= pick) {
                    k++;
                }
                String key = district + CLASSES[k][0] + CLASSES[k][1];
                int serial = serials.merge(key, 1, Integer::sum);
                if (serial > 999_999) {
                    continue;
                }
                int s = random.nextInt(100);
                ComponentStatus status = s < 94 ? ComponentStatus.INTACT : s < 97 ? ComponentStatus.DAMAGED
                        : s < 98 ? ComponentStatus.MISSING : s < 99 ? ComponentStatus.OCCUPIED : ComponentStatus.DISUSED;
                batch.components.add(new CityComponent(ComponentCode.of(key + String.format("%06d", serial)), status,
                        round7(lon), round7(lat)));
            }
        }
    }

    private static void areas(AssetBatch batch, List<Division> grids, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0xA5EA5L);
        long parcelId = 0;
        long parkId = 0;
        long renewalId = 0;
        for (Division g : grids) {
            String community = g.code().value().substring(0, 12);
            String use = LAND_USES[(int) Math.floorMod(mix(seed, 7, Long.parseLong(community), 0), LAND_USES.length)];
            double ratio = switch (use.charAt(0)) {
                case 'R' -> 2.5;
                case 'B' -> 4.0;
                case 'A' -> 2.0;
                case 'M' -> 1.5;
                case 'W' -> 1.2;
                case 'G' -> 0.1;
                case 'S' -> 0.5;
                default -> 1.0;
            };
            batch.parcels.add(new Parcel(++parcelId, use, round(ratio * (0.8 + random.nextDouble() * 0.4)), g.boundary()));
            Envelope e = g.boundary().getEnvelopeInternal();
            if (random.nextInt(150) == 0) {
                boolean big = random.nextInt(10) == 0;
                batch.parks.add(new Park(++parkId, PARK_NAMES[random.nextInt(PARK_NAMES.length)] + "（" + parkId + "）",
                        big ? "district" : "community", big ? List.of("toilet", "playground", "sports", "parking")
                                : List.of("toilet", "playground"), big ? "06:00-22:00" : "24h", shrink(e, 0.12)));
            }
            if (random.nextInt(100) == 0) {
                RenewalPhase phase = RenewalPhase.values()[random.nextInt(RenewalPhase.values().length)];
                batch.renewals.add(new RenewalProject(++renewalId, "老旧小区改造项目（" + renewalId + "）", phase,
                        2_000 + random.nextInt(48_000), 100 + random.nextInt(2_900), shrink(e, 0.05)));
            }
        }
    }

    private static Geometry shrink(Envelope e, double fraction) {
        Envelope s = new Envelope(e);
        s.expandBy(-e.getWidth() * fraction, -e.getHeight() * fraction);
        return Geometries.FACTORY.toGeometry(new Envelope(round7(s.getMinX()), round7(s.getMaxX()), round7(s.getMinY()),
                round7(s.getMaxY())));
    }

    private static boolean inside(Geometry boundary, double lon, double lat) {
        if (boundary.getNumPoints() == 5 && boundary.isRectangle()) {
            return boundary.getEnvelopeInternal().contains(lon, lat);
        }
        Point p = Geometries.FACTORY.createPoint(new Coordinate(lon, lat));
        return boundary.covers(p);
    }

    private static long mix(long seed, long a, long b, long c) {
        long h = seed * 0x9E3779B97F4A7C15L + a;
        h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L + b;
        h = (h ^ (h >>> 29)) * 0x94D049BB133111EBL + c;
        return h ^ (h >>> 32);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static double round7(double v) {
        return Math.round(v * 1e7) / 1e7;
    }
}
