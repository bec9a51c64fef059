package org.megacity.geo.internal.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.megacity.geo.Division;
import org.megacity.geo.DivisionCode;
import org.megacity.geo.DivisionLevel;

/**
 * The whole geography of the city in memory, immutable: every division by code, each level in code
 * order, the grids' {@link LocateIndex}, and an STRtree of the grids for box queries. A new atlas
 * is built for every import and swapped in whole, so readers never see half of one.
 */
public final class Atlas {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final Map<String, Division> byCode;
    private final EnumMap<DivisionLevel, Division[]> levels = new EnumMap<>(DivisionLevel.class);
    private final EnumMap<DivisionLevel, String[]> levelCodes = new EnumMap<>(DivisionLevel.class);
    private final STRtree gridTree;
    private final CompletableFuture<LocateIndex> locatorBuild;
    /** The raster index once built; until then lookups go through {@link #gridTree}. */
    private volatile LocateIndex locator;

    private Atlas(Collection<Division> divisions) {
        byCode = new HashMap<>(divisions.size() * 2);
        EnumMap<DivisionLevel, List<Division>> perLevel = new EnumMap<>(DivisionLevel.class);
        for (DivisionLevel level : DivisionLevel.values()) {
            perLevel.put(level, new ArrayList<>());
        }
        for (Division division : divisions) {
            byCode.put(division.code().value(), division);
            perLevel.get(division.level()).add(division);
        }
        for (DivisionLevel level : DivisionLevel.values()) {
            Division[] sorted = perLevel.get(level).toArray(Division[]::new);
            Arrays.sort(sorted, (a, b) -> a.code().compareTo(b.code()));
            levels.put(level, sorted);
            levelCodes.put(level, Arrays.stream(sorted).map(d -> d.code().value()).toArray(String[]::new));
        }
        Division[] grids = levels.get(DivisionLevel.GRID);
        gridTree = new STRtree();
        for (int i = 0; i < grids.length; i++) {
            gridTree.insert(grids[i].boundary().getEnvelopeInternal(), i);
        }
        gridTree.build();
        // The raster index of a megacity takes seconds to build on a cold JVM, more than the rest
        // of the atlas together. It is built on its own thread so the atlas serves at once; until it
        // is done, lookups take the slower tree path with the same answers (see locateGrid).
        List<Geometry> boundaries = Arrays.stream(grids).map(Division::boundary).toList();
        locatorBuild = CompletableFuture.supplyAsync(() -> LocateIndex.build(boundaries), task -> {
            Thread builder = new Thread(task, "locate-index-build");
            builder.setDaemon(true);
            builder.start();
        });
        locatorBuild.thenAccept(index -> locator = index);
    }

    public static Atlas of(Collection<Division> divisions) {
        return new Atlas(divisions);
    }

    public static Atlas empty() {
        return new Atlas(List.of());
    }

    /** This atlas with the given divisions added or, where their codes exist, replaced. */
    public Atlas with(Collection<Division> replacements) {
        Map<String, Division> merged = new HashMap<>(byCode);
        replacements.forEach(d -> merged.put(d.code().value(), d));
        return new Atlas(merged.values());
    }

    public Optional<Division> division(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public boolean contains(String code) {
        return byCode.containsKey(code);
    }

    /** The divisions of a level whose codes begin with {@code prefix} (all of them for null), in code order. */
    public List<Division> level(DivisionLevel level, String prefix) {
        Division[] sorted = levels.get(level);
        if (prefix == null || prefix.isEmpty()) {
            return List.of(sorted);
        }
        String[] codes = levelCodes.get(level);
        int from = insertionPoint(codes, prefix);
        int to = insertionPoint(codes, prefix + Character.MAX_VALUE);
        return List.of(sorted).subList(from, to);
    }

    /** The direct children of a division (the districts for null), in code order. */
    public List<Division> children(String parentCode) {
        if (parentCode == null) {
            return level(DivisionLevel.DISTRICT, null);
        }
        Optional<DivisionLevel> childLevel = DivisionCode.of(parentCode).level().child();
        return childLevel.map(level -> level(level, parentCode)).orElse(List.of());
    }

    public int count(DivisionLevel level) {
        return levels.get(level).length;
    }

    public int size() {
        return byCode.size();
    }

    /** Every division, each level in code order, districts first. */
    public List<Division> all() {
        List<Division> all = new ArrayList<>(byCode.size());
        for (DivisionLevel level : DivisionLevel.values()) {
            all.addAll(List.of(levels.get(level)));
        }
        return all;
    }

    /** The grid that covers the point (the first in code order on shared boundaries), or null. */
    public Division locateGrid(double lon, double lat) {
        LocateIndex index = locator;
        int found = index != null ? index.locate(lon, lat) : locateByTree(lon, lat);
        return found < 0 ? null : levels.get(DivisionLevel.GRID)[found];
    }

    /** {@link #locateGrid}'s answer without the raster index: the first covering grid in code order. */
    int locateByTree(double lon, double lat) {
        Division[] grids = levels.get(DivisionLevel.GRID);
        Coordinate point = new Coordinate(lon, lat);
        int best = -1;
        for (Object item : gridTree.query(new Envelope(point))) {
            int i = (Integer) item;
            if ((best < 0 || i < best) && SimplePointInAreaLocator.locate(point, grids[i].boundary()) != Location.EXTERIOR) {
                best = i;
            }
        }
        return best;
    }

    /** The grids whose boundaries intersect the box, in code order. */
    public List<Division> gridsIn(Envelope box) {
        Division[] grids = levels.get(DivisionLevel.GRID);
        List<Integer> hits = new ArrayList<>();
        for (Object item : gridTree.query(box)) {
            hits.add((Integer) item);
        }
        hits.sort(null);
        Geometry area = FACTORY.toGeometry(box);
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(area);
        List<Division> result = new ArrayList<>(hits.size());
        for (int i : hits) {
            if (prepared.intersects(grids[i].boundary())) {
                result.add(grids[i]);
            }
        }
        return result;
    }

    /** How many grids' bounding boxes meet the box: an upper bound of {@link #gridsIn}'s size, cheaply. */
    public int gridsNear(Envelope box) {
        return gridTree.query(box).size();
    }

    /** Runs {@code action} once the raster index is built (at once if it is). */
    public void whenLocateIndexed(Runnable action) {
        locatorBuild.thenRun(action);
    }

    /** The raster index, waiting for it to be built. */
    public LocateIndex locator() {
        return locatorBuild.join();
    }

    private static int insertionPoint(String[] codes, String key) {
        int i = Arrays.binarySearch(codes, key);
        return i >= 0 ? i : -i - 1;
    }
}
