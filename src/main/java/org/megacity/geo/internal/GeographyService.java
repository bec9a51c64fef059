package org.megacity.geo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantLock;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.megacity.geo.CoordinateFrame;
import org.megacity.geo.Division;
import org.megacity.geo.DivisionCode;
import org.megacity.geo.DivisionLevel;
import org.megacity.geo.DivisionSummary;
import org.megacity.geo.DivisionsImported;
import org.megacity.geo.Geography;
import org.megacity.geo.ImportOutcome;
import org.megacity.geo.ImportOutcome.Problem;
import org.megacity.geo.Location;
import org.megacity.geo.internal.frame.Gcj02;
import org.megacity.geo.internal.geojson.GeoJsonReader;
import org.megacity.geo.internal.geojson.GeoJsonReader.Feature;
import org.megacity.geo.internal.geojson.Winding;
import org.megacity.geo.internal.index.Atlas;
import org.megacity.geo.internal.storage.DivisionStore;
import org.megacity.geo.internal.validation.ImportChecks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The city's geography: reads from an in-memory {@link Atlas} loaded from the database when the
 * application starts, imports validated as a whole and written in one transaction, after which a
 * new atlas replaces the old one atomically (readers keep the one they hold).
 *
 * <p>Imports are serialised within a node. With several nodes, each rebuilds its atlas on start;
 * keeping them current from {@link DivisionsImported} is the path to scale out (see docs/geo.md).
 */
@Service
public class GeographyService implements Geography, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(GeographyService.class);

    private final DivisionStore store;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final ReentrantLock importing = new ReentrantLock();

    private volatile Atlas atlas = Atlas.empty();
    private final CompletableFuture<Void> initialLoad;

    GeographyService(DivisionStore store, TransactionTemplate transactions, ApplicationEventPublisher events) {
        this.store = store;
        this.transactions = transactions;
        this.events = events;
        // The atlas of a megacity takes seconds to read; doing it beside the creation of the other
        // beans rather than after them, and leaving the raster index to finish on its own thread
        // (Atlas), cut a restart on the demo megacity from about 11 s to about 7 s
        // (docs/benchmarks.md, "Restart").
        // The schema is migrated by now: the JdbcClient underneath waits for Flyway.
        this.initialLoad = CompletableFuture.runAsync(this::reload, task -> {
            Thread loader = new Thread(task, "geography-load");
            loader.setDaemon(true);
            loader.start();
        });
    }

    /** Waits for the atlas, so the application serves nothing before it is loaded. */
    @Override
    public void afterSingletonsInstantiated() {
        try {
            initialLoad.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Rebuilds the atlas from the database. */
    public void reload() {
        long start = System.nanoTime();
        List<Division> divisions = store.loadAll();
        long read = System.nanoTime();
        Atlas loaded = Atlas.of(divisions);
        atlas = loaded;
        if (loaded.size() > 0) {
            log.info("geography loaded: {} districts, {} streets, {} communities, {} grids in {} ms"
                            + " (read {} ms, indexed {} ms)",
                    loaded.count(DivisionLevel.DISTRICT), loaded.count(DivisionLevel.STREET),
                    loaded.count(DivisionLevel.COMMUNITY), loaded.count(DivisionLevel.GRID),
                    (System.nanoTime() - start) / 1_000_000, (read - start) / 1_000_000,
                    (System.nanoTime() - read) / 1_000_000);
            long indexStart = System.nanoTime();
            loaded.whenLocateIndexed(() -> log.info("locate index of {} grids built in {} ms",
                    loaded.count(DivisionLevel.GRID), (System.nanoTime() - indexStart) / 1_000_000));
        }
    }

    /** The atlas as it is now. */
    public Atlas atlas() {
        return atlas;
    }

    @Override
    public Optional<Location> locate(double lon, double lat, CoordinateFrame frame) {
        double x = lon;
        double y = lat;
        if (frame == CoordinateFrame.GCJ02) {
            double[] wgs = Gcj02.toWgs84(lon, lat);
            x = wgs[0];
            y = wgs[1];
        }
        Atlas current = atlas;
        Division grid = current.locateGrid(x, y);
        if (grid == null) {
            return Optional.empty();
        }
        return Optional.of(new Location(DivisionSummary.of(grid), summary(current, grid, DivisionLevel.COMMUNITY),
                summary(current, grid, DivisionLevel.STREET), summary(current, grid, DivisionLevel.DISTRICT)));
    }

    private static DivisionSummary summary(Atlas atlas, Division grid, DivisionLevel level) {
        String code = grid.code().ancestorAt(level).value();
        return atlas.division(code).map(DivisionSummary::of).orElse(new DivisionSummary(code, "", ""));
    }

    @Override
    public Optional<Division> division(DivisionCode code) {
        return atlas.division(code.value());
    }

    @Override
    public List<Division> divisions(DivisionLevel level, DivisionCode parent) {
        return atlas.level(level, parent == null ? null : parent.value());
    }

    @Override
    public List<Division> gridsIn(Envelope box) {
        return atlas.gridsIn(box);
    }

    @Override
    public int count(DivisionLevel level) {
        return atlas.count(level);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Boundaries given as JTS geometries carry no encoding, and JTS's own convention winds
     * shells clockwise: their rings are reoriented to the right-hand rule instead of being judged.
     * The winding check applies where it means something, to GeoJSON text ({@link #importGeoJson}).
     */
    @Override
    public ImportOutcome importDivisions(List<Division> divisions) {
        List<Feature> features = new ArrayList<>(divisions.size());
        for (int i = 0; i < divisions.size(); i++) {
            Division d = divisions.get(i);
            features.add(new Feature(i, new Division(d.code(), d.name(), d.nameEn(), RightHandRule.apply(d.boundary()))));
        }
        return store(features, List.of(), Set.of());
    }

    /** What a GeoJSON import did, and whether the document itself could not be read. */
    public record GeoJsonImport(ImportOutcome outcome, boolean malformed, int problemsNotListed) {
    }

    /** Reads a GeoJSON FeatureCollection and imports it all or nothing. */
    public GeoJsonImport importGeoJson(InputStream in, Winding winding) throws IOException {
        GeoJsonReader.Result read = GeoJsonReader.read(in, winding);
        if (read.malformed()) {
            return new GeoJsonImport(new ImportOutcome.Rejected(read.problems()), true, read.problemsNotListed());
        }
        Set<String> failed = new HashSet<>();
        for (Problem p : read.problems()) {
            failed.add(p.feature());
        }
        ImportOutcome outcome = store(read.features(), read.problems(), failed);
        return new GeoJsonImport(outcome, false, read.problemsNotListed());
    }

    private ImportOutcome store(List<Feature> features, List<Problem> earlier, Set<String> failed) {
        importing.lock();
        try {
            long start = System.nanoTime();
            Atlas current = atlas;
            List<Problem> problems = new ArrayList<>(earlier);
            problems.addAll(ImportChecks.check(features, failed, current));
            long checked = System.nanoTime();
            if (!problems.isEmpty()) {
                log.info("geography import of {} features rejected with {} problems", features.size() + failed.size(),
                        problems.size());
                return new ImportOutcome.Rejected(problems.stream().limit(GeoJsonReader.MAX_PROBLEMS).toList());
            }
            if (features.isEmpty()) {
                return new ImportOutcome.Imported(0, 0);
            }
            List<Division> divisions = features.stream().map(Feature::division).toList();
            List<String> replaced = divisions.stream().map(d -> d.code().value()).filter(current::contains).toList();
            Atlas next = current.with(divisions);
            long indexed = System.nanoTime();
            transactions.executeWithoutResult(status -> {
                store.save(divisions, replaced);
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        atlas = next;
                    }
                });
                events.publishEvent(new DivisionsImported(divisions.stream().map(d -> d.code().value()).toList()));
            });
            long written = System.nanoTime();
            log.info("geography import: {} created, {} replaced; checked in {} ms, indexed in {} ms, written in {} ms",
                    divisions.size() - replaced.size(), replaced.size(), (checked - start) / 1_000_000,
                    (indexed - checked) / 1_000_000, (written - indexed) / 1_000_000);
            return new ImportOutcome.Imported(divisions.size() - replaced.size(), replaced.size());
        } finally {
            importing.unlock();
        }
    }

    /** Rings reoriented to RFC 7946's right-hand rule: shells counter-clockwise, holes clockwise. */
    static final class RightHandRule {

        private RightHandRule() {
        }

        static Geometry apply(Geometry geometry) {
            Geometry copy = geometry.copy();
            for (int i = 0; i < copy.getNumGeometries(); i++) {
                org.locationtech.jts.geom.Polygon polygon = (org.locationtech.jts.geom.Polygon) copy.getGeometryN(i);
                orient(polygon.getExteriorRing().getCoordinateSequence(), true);
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                    orient(polygon.getInteriorRingN(h).getCoordinateSequence(), false);
                }
            }
            copy.geometryChanged();
            return copy;
        }

        private static void orient(org.locationtech.jts.geom.CoordinateSequence ring, boolean counterClockwise) {
            double twiceArea = 0;
            for (int i = 0; i + 1 < ring.size(); i++) {
                twiceArea += ring.getX(i) * ring.getY(i + 1) - ring.getX(i + 1) * ring.getY(i);
            }
            if (twiceArea != 0 && (twiceArea > 0) != counterClockwise) {
                org.locationtech.jts.geom.CoordinateSequences.reverse(ring);
            }
        }
    }
}
