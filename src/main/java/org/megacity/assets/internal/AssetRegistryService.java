package org.megacity.assets.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.megacity.assets.Asset;
import org.megacity.assets.AssetRegistry;
import org.megacity.assets.AssetType;
import org.megacity.assets.CityComponent;
import org.megacity.assets.ComponentCode;
import org.megacity.assets.internal.index.Layer;
import org.megacity.assets.internal.storage.AssetStore;
import org.megacity.geo.GeoMeasure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry: reads from an {@link AssetSnapshot} loaded from the database on its own thread when
 * the application starts (a megacity's 3 million assets take seconds; the server does not wait for
 * them, reads see an empty registry until {@link #ready()}), replaced atomically after every write.
 * Writes are serialised and wait for the initial load.
 */
@Service
public class AssetRegistryService implements AssetRegistry {

    private static final Logger log = LoggerFactory.getLogger(AssetRegistryService.class);

    private final AssetStore store;
    private final TransactionTemplate transactions;
    private final ReentrantLock writing = new ReentrantLock();
    private final CompletableFuture<Void> initialLoad;
    private volatile AssetSnapshot snapshot = AssetSnapshot.empty();
    private volatile boolean ready;
    private final java.util.concurrent.CountDownLatch loadAllowed = new java.util.concurrent.CountDownLatch(1);

    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void applicationReady() {
        loadAllowed.countDown();
    }

    AssetRegistryService(AssetStore store, TransactionTemplate transactions) {
        this.store = store;
        this.transactions = transactions;
        // The load waits until the application is ready (or a writer or command needs it): on two
        // cores, loading the megacity's 3.9 million assets beside the geography's atlas doubled
        // the atlas's time on the start's critical path (docs/benchmarks.md, "Assets").
        this.initialLoad = CompletableFuture.runAsync(() -> {
            try {
                loadAllowed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            reload();
        }, task -> {
            Thread loader = new Thread(task, "assets-load");
            loader.setDaemon(true);
            loader.start();
        });
    }

    /** Rebuilds the snapshot from the database. */
    public void reload() {
        long start = System.nanoTime();
        // Two readers, each in its own read-only transaction: the segments (half the rows and the
        // WKB) on one, everything else on the other; embedded H2 reads on the caller's thread, so
        // the two cores both work.
        CompletableFuture<Layer<org.megacity.assets.PipeSegment>> segments = CompletableFuture.supplyAsync(() ->
                transactions.execute(status -> {
                    List<org.megacity.assets.PipeSegment> list = new ArrayList<>();
                    store.loadSegments(list::add);
                    return Layer.of(list);
                }), task -> {
                    Thread reader = new Thread(task, "assets-load-segments");
                    reader.setDaemon(true);
                    reader.start();
                });
        AssetSnapshot loaded = transactions.execute(status -> {
            List<org.megacity.assets.PipeNode> nodes = new ArrayList<>();
            List<org.megacity.assets.Park> parks = new ArrayList<>();
            List<org.megacity.assets.Parcel> parcels = new ArrayList<>();
            List<org.megacity.assets.RenewalProject> renewals = new ArrayList<>();
            List<CityComponent> components = new ArrayList<>();
            store.loadNodes(nodes::add);
            store.loadComponents(components::add);
            store.loadParks(parks::add);
            store.loadParcels(parcels::add);
            store.loadRenewals(renewals::add);
            Layer<org.megacity.assets.PipeNode> nodeLayer = Layer.of(nodes);
            Layer<CityComponent> componentLayer = Layer.of(components);
            return AssetSnapshot.of(nodeLayer, segments.join(), Layer.of(parks), Layer.of(parcels), Layer.of(renewals),
                    componentLayer);
        });
        snapshot = loaded;
        ready = true;
        if (loaded.size() > 0) {
            log.info("assets loaded and indexed: {} nodes, {} segments, {} parks, {} parcels, {} renewal projects,"
                            + " {} components in {} ms", loaded.nodes().size(), loaded.segments().size(),
                    loaded.parks().size(), loaded.parcels().size(), loaded.renewals().size(),
                    loaded.components().size(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Waits until the initial load is done (for writers and tests). */
    public void awaitLoaded() {
        loadAllowed.countDown();
        initialLoad.join();
    }

    public AssetSnapshot snapshot() {
        return snapshot;
    }

    /**
     * Runs a write: waits for the initial load, holds the write lock, and gives {@code write} the
     * current snapshot; the snapshot it returns replaces the current one (after its transaction
     * committed: the write runs its own).
     */
    public <R> R write(java.util.function.Function<AssetSnapshot, Written<R>> write) {
        awaitLoaded();
        writing.lock();
        try {
            Written<R> written = write.apply(snapshot);
            if (written.snapshot() != null) {
                snapshot = written.snapshot();
            }
            return written.result();
        } finally {
            writing.unlock();
        }
    }

    /** What a write returns: its result and the new snapshot (null when nothing changed). */
    public record Written<R>(R result, AssetSnapshot snapshot) {
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public int count(AssetType type) {
        return snapshot.layer(type).size();
    }

    @Override
    public Optional<Asset> find(AssetType type, long id) {
        return snapshot.layer(type).find(id).map(Asset.class::cast);
    }

    @Override
    public Optional<CityComponent> component(ComponentCode code) {
        return snapshot.components().find(code.number());
    }

    @Override
    public List<Asset> within(AssetType type, Envelope box, int limit) {
        Layer<? extends Asset> layer = snapshot.layer(type);
        int[] hits = layer.query(box, limit);
        List<Asset> out = new ArrayList<>(hits.length);
        for (int i : hits) {
            out.add(layer.get(i));
        }
        return out;
    }

    @Override
    public int countWithin(AssetType type, Envelope box) {
        return snapshot.layer(type).count(box);
    }

    @Override
    public List<Nearby> nearby(double lon, double lat, double radiusMetres, Set<AssetType> types, int limit) {
        GeoMeasure measure = GeoMeasure.at(lat);
        double dx = radiusMetres / measure.metresPerDegreeLon();
        double dy = radiusMetres / measure.metresPerDegreeLat();
        Envelope box = new Envelope(lon - dx, lon + dx, lat - dy, lat + dy);
        Coordinate centre = new Coordinate(lon, lat);
        List<Nearby> found = new ArrayList<>();
        AssetSnapshot current = snapshot;
        for (AssetType type : types) {
            Layer<? extends Asset> layer = current.layer(type);
            for (int i : layer.query(box, Integer.MAX_VALUE)) {
                Asset a = layer.get(i);
                double metres = metres(measure, centre, a.geometry());
                if (metres <= radiusMetres) {
                    found.add(new Nearby(a, metres));
                }
            }
        }
        found.sort(Comparator.comparingDouble(Nearby::metres));
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }

    /** The distance in metres from a point to a geometry, measured in the local plane at the point. */
    static double metres(GeoMeasure measure, Coordinate centre, Geometry geometry) {
        if (geometry.getNumPoints() == 1) {
            return measure.metres(centre, geometry.getCoordinate());
        }
        Coordinate[] nearest = DistanceOp.nearestPoints(geometry, Geometries4490.point(centre));
        return measure.metres(centre, nearest[0]);
    }
}
