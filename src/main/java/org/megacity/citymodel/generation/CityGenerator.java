package org.megacity.citymodel.generation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.megacity.citymodel.CityScale;
import org.megacity.citymodel.LandscapeFeature;
import org.megacity.citymodel.LandscapeKind;
import org.megacity.geo.Division;
import org.megacity.geo.DivisionCode;
import org.megacity.geo.GridLayout;

/**
 * Generates a believable megacity, deterministically from a seed: the same seed and scale give the
 * same divisions, names and geometry, bit for bit, whatever the number of threads.
 *
 * <p>The city is laid out on a metric plane around 106.55 E, 29.56 N (see {@link LocalPlane}):
 * <ol>
 * <li>an organic outline (a radius modulated by low harmonics), sized so that it holds the scale's
 *     communities at the base community area ({@value #GRIDS_PER_COMMUNITY} unit grids of 1 ha at the
 *     centre, growing outward with {@link Density});</li>
 * <li>the Yangtze and the Jialing ({@link Rivers}), which cut the city into banks; no district spans
 *     a river, so the rivers are district borders;</li>
 * <li>districts, streets and communities, each level tiling its parents ({@link Tessellation}), their
 *     counts shared among parents in proportion to the parents' density-weighted area and met exactly;</li>
 * <li>unit grids laid over every community by {@link GridLayout#cover(Division, double)} with cells of
 *     {@link Density#gridCellSquareMetres} at the community's centroid.</li>
 * </ol>
 * Every parent's children are generated from a random stream derived from the seed and the parent's
 * code alone, so the parents can be processed in parallel.
 */
public final class CityGenerator {

    /** The seed of the demo city when none is given. */
    public static final long DEFAULT_SEED = 20_240_607L;

    /** The city's name: 渝州 is an old name of Chongqing. */
    public static final String CITY_NAME = "渝州市";
    public static final String CITY_NAME_EN = "Yuzhou";

    /**
     * A centre community's area in centre unit grids (1 ha); calibrated so that the grid totals land
     * near the scales' targets (clipping adds partial grids along each community's border).
     */
    static final double GRIDS_PER_COMMUNITY = 4.1;

    /** Below this area factor (within about 15 km of the centre) streets are 街道 and communities 社区. */
    static final double URBAN_AREA_FACTOR = 5.6;

    /** Seeds tried per parent before accepting a count short of the target. */
    static final int ATTEMPTS = 16;

    private static final int OUTLINE_VERTICES = 720;
    /** District code prefix: Chongqing (50), its districts (01), GB/T 2260. */
    private static final String DISTRICT_PREFIX = "5001";

    private final GeometryFactory factory = new GeometryFactory();

    /** Generates the city of a scale from a seed. */
    public GeneratedCity generate(CityScale scale, long seed, GenerationProgress progress) {
        progress.phase("outline and rivers", 1);
        double cityWeight = scale.communities() * GRIDS_PER_COMMUNITY * Density.CENTRE_GRID_SQUARE_METRES;
        Polygon outline = outline(random(seed, "outline"), cityWeight);
        double reach = 1.6 * maxRadius(outline);
        Rivers rivers = new Rivers(random(seed, "rivers"), reach, factory);
        List<Polygon> banks = banks(outline, rivers);
        progress.advance(1);

        double districtSize = size(cityWeight, scale.districts());
        double streetSize = size(cityWeight, scale.streets());
        double communitySize = size(cityWeight, scale.communities());
        Displacement districtField = new Displacement(derive(seed, "field/district"),
                new double[] {districtSize, streetSize, communitySize}, new double[] {1, 0.5, 0.35});
        Displacement streetField = new Displacement(derive(seed, "field/street"),
                new double[] {streetSize, communitySize}, new double[] {1, 0.4});
        Displacement communityField = new Displacement(derive(seed, "field/community"),
                new double[] {communitySize}, new double[] {1});

        // districts: shared among the banks, then tiled within each
        progress.phase("districts", scale.districts());
        int[] perBank = Apportionment.share(scale.districts(), weights(banks), 1);
        List<Polygon> districtShapes = new ArrayList<>();
        for (int b = 0; b < banks.size(); b++) {
            List<Polygon> cells = tileExactly(banks.get(b), perBank[b], districtField, derive(seed, "districts/" + b));
            districtShapes.addAll(cells);
            progress.advance(cells.size());
        }
        List<Unit> districts = name(districtShapes, Level.DISTRICT, "", random(seed, "names/districts"),
                new HashSet<>());

        // streets and communities: shared among parents, each parent tiled on its own stream
        progress.phase("streets", scale.streets());
        List<Unit> streets = children(districts, scale.streets(), Level.STREET, streetField, seed, progress);
        progress.phase("communities", scale.communities());
        List<Unit> communities = children(streets, scale.communities(), Level.COMMUNITY, communityField, seed, progress);

        List<Division> districtDivisions = divisions(districts);
        List<Division> streetDivisions = divisions(streets);
        List<Division> communityDivisions = divisions(communities);

        progress.phase("unit grids", communities.size());
        List<Division> grids = IntStream.range(0, communities.size()).parallel().mapToObj(i -> {
            List<Division> cover = grids(communityDivisions.get(i), communities.get(i).shape());
            progress.advance(1);
            return cover;
        }).flatMap(List::stream).toList();

        List<Geometry> water = rivers.water(outline);
        List<LandscapeFeature> landscape = List.of(
                new LandscapeFeature("river-yangtze", LandscapeKind.RIVER, "长江", "Yangtze River",
                        LocalPlane.toDegrees(water.get(0))),
                new LandscapeFeature("river-jialing", LandscapeKind.RIVER, "嘉陵江", "Jialing River",
                        LocalPlane.toDegrees(water.get(1))));
        return new GeneratedCity(scale, seed, CITY_NAME, CITY_NAME_EN, districtDivisions, streetDivisions,
                communityDivisions, grids, landscape);
    }

    /** The levels the generator names and numbers. */
    enum Level {
        DISTRICT("区", "District", "区", "District", 0, 0),
        STREET("街道", "Subdistrict", "镇", "Town", 1, 101),
        COMMUNITY("社区", "Community", "村", "Village", 1, 201);

        final String urbanZh;
        final String urbanEn;
        final String ruralZh;
        final String ruralEn;
        final int firstUrban;
        final int firstRural;

        Level(String urbanZh, String urbanEn, String ruralZh, String ruralEn, int firstUrban, int firstRural) {
            this.urbanZh = urbanZh;
            this.urbanEn = urbanEn;
            this.ruralZh = ruralZh;
            this.ruralEn = ruralEn;
            this.firstUrban = firstUrban;
            this.firstRural = firstRural;
        }
    }

    /** A generated division on the metric plane. */
    record Unit(String code, String name, String nameEn, Polygon shape) {
    }

    private List<Unit> children(List<Unit> parents, int total, Level level, Displacement field, long seed,
            GenerationProgress progress) {
        int[] counts = Apportionment.share(total, weights(parents.stream().map(Unit::shape).toList()), 2);
        return IntStream.range(0, parents.size()).parallel().mapToObj(i -> {
            Unit parent = parents.get(i);
            List<Polygon> cells = tileExactly(parent.shape(), counts[i], field,
                    derive(seed, level.name() + "/" + parent.code()));
            List<Unit> named = name(cells, level, parent.code(), random(seed, "names/" + parent.code()),
                    new HashSet<>());
            progress.advance(named.size());
            return named;
        }).flatMap(List::stream).toList();
    }

    /**
     * Tiles a parent into {@code count} cells, trying further seed sets when cells are lost; returns
     * the attempt with the most cells when none reaches the count.
     */
    private List<Polygon> tileExactly(Polygon parent, int count, Displacement field, long seed) {
        List<Polygon> best = List.of(parent);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            SplittableRandom random = new SplittableRandom(derive(seed, "attempt/" + attempt));
            List<Coordinate> seeds = Seeds.inside(parent, count, random);
            List<Polygon> cells = Tessellation.tile(parent, seeds, field, factory).stream()
                    .map(Tessellation.Cell::polygon).toList();
            if (cells.size() == count) {
                return cells;
            }
            if (cells.size() > best.size()) {
                best = cells;
            }
        }
        return best;
    }

    /**
     * Orders cells outward from the city centre, numbers them within their parent (urban ones from
     * {@code firstUrban}, rural ones from {@code firstRural}) and names them, uniquely within the
     * parent ({@code taken}).
     */
    private List<Unit> name(List<Polygon> cells, Level level, String parentCode, SplittableRandom random,
            Set<String> taken) {
        List<Polygon> ordered = new ArrayList<>(cells);
        ordered.sort(Comparator.comparingDouble((Polygon p) -> radius(p.getCentroid()))
                .thenComparingDouble(p -> Math.atan2(p.getCentroid().getY(), p.getCentroid().getX())));
        int urbanCount = (int) ordered.stream().filter(p -> urban(p, level)).count();
        int nextUrban = level == Level.DISTRICT ? 1 : level.firstUrban;
        int nextRural = level == Level.DISTRICT ? urbanCount + 1
                : Math.max(level.firstRural, 100 * ((level.firstUrban + urbanCount - 1) / 100 + 1) + 1);
        List<Unit> units = new ArrayList<>(ordered.size());
        for (Polygon cell : ordered) {
            boolean urban = urban(cell, level);
            int sequence = urban ? nextUrban++ : nextRural++;
            String code = level == Level.DISTRICT
                    ? DISTRICT_PREFIX + String.format("%02d", sequence)
                    : parentCode + String.format("%03d", sequence);
            PlaceNames.Name name = PlaceNames.draw(random, taken);
            String zh = name.zh() + (urban ? level.urbanZh : level.ruralZh);
            String en = name.pinyin() + " " + (urban ? level.urbanEn : level.ruralEn);
            units.add(new Unit(code, zh, en, cell));
        }
        units.sort(Comparator.comparing(Unit::code));
        return units;
    }

    private static boolean urban(Polygon cell, Level level) {
        if (level == Level.DISTRICT) {
            return true;
        }
        Point c = cell.getCentroid();
        return Density.areaFactor(c.getX(), c.getY()) < URBAN_AREA_FACTOR;
    }

    private static List<Division> divisions(List<Unit> units) {
        return units.stream().map(u -> new Division(DivisionCode.of(u.code()), u.name(), u.nameEn(),
                LocalPlane.toDegrees(u.shape()))).toList();
    }

    /** The unit grids of a community; the cell grows when a community would need more than 999. */
    private static List<Division> grids(Division community, Polygon shape) {
        Point c = shape.getCentroid();
        double cell = Density.gridCellSquareMetres(c.getX(), c.getY());
        while (true) {
            try {
                return GridLayout.cover(community, cell).stream()
                        .map(g -> new Division(g.code(), g.name(), g.nameEn(), Canonical.polygonal(g.boundary())))
                        .toList();
            } catch (IllegalArgumentException tooMany) {
                cell *= 1.5;
            }
        }
    }

    /** An organic outline whose density-weighted area is {@code weight}. */
    private Polygon outline(SplittableRandom random, double weight) {
        int harmonics = 6;
        double[] amplitude = new double[harmonics];
        double[] phase = new double[harmonics];
        for (int k = 0; k < harmonics; k++) {
            amplitude[k] = 0.16 * (0.5 + 0.5 * random.nextDouble()) / Math.pow(k + 1, 0.7);
            phase[k] = 2 * Math.PI * random.nextDouble();
        }
        double[] shape = new double[OUTLINE_VERTICES];
        for (int i = 0; i < OUTLINE_VERTICES; i++) {
            double theta = 2 * Math.PI * i / OUTLINE_VERTICES;
            double s = 1;
            for (int k = 0; k < harmonics; k++) {
                s += amplitude[k] * StrictMath.cos((k + 2) * theta + phase[k]);
            }
            shape[i] = Math.max(0.5, s);
        }
        double low = 10;
        double high = 1_000_000;
        for (int iteration = 0; iteration < 100; iteration++) {
            double mid = (low + high) / 2;
            double w = 0;
            for (double s : shape) {
                w += Density.weightWithin(mid * s) * 2 * Math.PI / OUTLINE_VERTICES;
            }
            if (w < weight) {
                low = mid;
            } else {
                high = mid;
            }
        }
        double radius = (low + high) / 2;
        Coordinate[] ring = new Coordinate[OUTLINE_VERTICES + 1];
        for (int i = 0; i < OUTLINE_VERTICES; i++) {
            double theta = 2 * Math.PI * i / OUTLINE_VERTICES;
            ring[i] = new Coordinate(radius * shape[i] * StrictMath.cos(theta), radius * shape[i] * StrictMath.sin(theta));
        }
        ring[OUTLINE_VERTICES] = new Coordinate(ring[0]);
        return factory.createPolygon(ring);
    }

    /** The city cut by the rivers; a sliver cut off where a river grazes the outline joins its neighbour. */
    private List<Polygon> banks(Polygon outline, Rivers rivers) {
        List<LineString> cuts = List.of(rivers.yangtze, rivers.jialing);
        List<Polygon> faces = Tessellation.split(outline, cuts, factory);
        Faces arrangement = new Faces(faces);
        double total = Density.weight(outline);
        for (int f = 0; f < faces.size(); f++) {
            if (Density.weight(faces.get(f)) < 0.03 * total) {
                int best = -1;
                double longest = 0;
                for (var e : arrangement.neighbours(f).entrySet()) {
                    if (e.getValue() > longest) {
                        longest = e.getValue();
                        best = e.getKey();
                    }
                }
                if (best >= 0) {
                    arrangement.merge(f, best);
                }
            }
        }
        List<Polygon> banks = new ArrayList<>();
        for (List<Integer> members : arrangement.groups().values()) {
            Geometry union = arrangement.union(members);
            for (int i = 0; i < union.getNumGeometries(); i++) {
                banks.add(Canonical.polygon((Polygon) union.getGeometryN(i)));
            }
        }
        return banks;
    }

    private static double[] weights(List<Polygon> polygons) {
        return polygons.stream().mapToDouble(Density::weight).toArray();
    }

    /** The linear size of one of {@code count} divisions sharing {@code weight} at the centre. */
    private static double size(double weight, int count) {
        return Math.sqrt(weight / count);
    }

    private static double maxRadius(Polygon polygon) {
        double max = 0;
        for (Coordinate c : polygon.getCoordinates()) {
            max = Math.max(max, Math.hypot(c.x, c.y));
        }
        return max;
    }

    private static double radius(Point p) {
        return Math.hypot(p.getX(), p.getY());
    }

    private static SplittableRandom random(long seed, String tag) {
        return new SplittableRandom(derive(seed, tag));
    }

    /** A seed derived from a seed and a tag, independent of every other tag's. */
    static long derive(long seed, String tag) {
        long h = seed;
        for (int i = 0; i < tag.length(); i++) {
            h = 31 * h + tag.charAt(i);
        }
        return new SplittableRandom(h ^ 0x9E37_79B9_7F4A_7C15L).nextLong();
    }
}
