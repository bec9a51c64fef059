package org.megacity.assets.internal.demo;

import java.util.List;
import java.util.function.Function;
import org.megacity.assets.Asset;
import org.megacity.assets.AssetType;
import org.megacity.assets.internal.AssetRegistryService;
import org.megacity.assets.internal.AssetRegistryService.Written;
import org.megacity.assets.internal.storage.AssetBatch;
import org.megacity.assets.internal.storage.AssetStore;
import org.megacity.geo.Division;
import org.megacity.geo.DivisionLevel;
import org.megacity.geo.Geography;
import org.megacity.platform.PlatformSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code ./megacity demo}: once the demo city's grids are there and the registry holds no assets,
 * generates the city's assets ({@link DemoAssetGenerator}: about 1.8 million pipe segments and 1
 * million components on the megacity, proportionally fewer on a smaller city) and stores them, on
 * a background thread after the server started, with its progress in the log. The registry serves
 * them as soon as they are all stored. A restart finds them and generates nothing; stopping the
 * server stops the generation between two batches (a restart then finds part of them and leaves
 * them: delete the asset tables to generate again).
 */
@Component
@Order(300)
class DemoAssets implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DemoAssets.class);
    static final int ROWS_PER_TRANSACTION = 20_000;

    private final Geography geography;
    private final AssetRegistryService registry;
    private final AssetStore store;
    private final TransactionTemplate transactions;
    private final PlatformSettings platform;
    private final boolean enabled;
    private final long seed;
    private volatile boolean stopping;
    private volatile Thread worker;

    DemoAssets(Geography geography, AssetRegistryService registry, AssetStore store, TransactionTemplate transactions,
            PlatformSettings platform, @Value("${megacity.demo.enabled:false}") boolean enabled,
            @Value("${megacity.demo.seed:20240607}") long seed) {
        this.geography = geography;
        this.registry = registry;
        this.store = store;
        this.transactions = transactions;
        this.platform = platform;
        this.enabled = enabled;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || !("server".equals(platform.mode()) || "test".equals(platform.mode()))) {
            return;
        }
        Thread thread = new Thread(this::generateIfEmpty, "assets-demo");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    /** Waits for a running generation (tests). */
    void awaitGeneration() throws InterruptedException {
        Thread t = worker;
        if (t != null) {
            t.join();
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        Thread t = worker;
        if (t != null) {
            t.join(30_000);
        }
    }

    void generateIfEmpty() {
        try {
            registry.awaitLoaded();
            if (store.count(AssetType.PIPE_SEGMENT) > 0 || store.count(AssetType.COMPONENT) > 0) {
                log.info("assets: the registry holds assets already; not generating the demo's");
                return;
            }
            List<Division> grids = geography.divisions(DivisionLevel.GRID, null);
            if (grids.isEmpty()) {
                return;
            }
            long start = System.nanoTime();
            double share = grids.size() / (double) DemoAssetGenerator.MEGACITY_GRIDS;
            AssetBatch batch = DemoAssetGenerator.generate(grids, seed,
                    (int) Math.round(DemoAssetGenerator.MEGACITY_SEGMENTS * share),
                    (int) Math.round(DemoAssetGenerator.MEGACITY_COMPONENTS * share));
            log.info("assets: generated {} nodes, {} segments, {} components, {} parcels, {} parks, {} renewal projects"
                            + " over {} grids in {} ms; storing …", batch.nodes.size(), batch.segments.size(),
                    batch.components.size(), batch.parcels.size(), batch.parks.size(), batch.renewals.size(),
                    grids.size(), (System.nanoTime() - start) / 1_000_000);
            long total = batch.size();
            long stored = 0;
            long lastReport = System.nanoTime();
            for (AssetType type : AssetType.values()) {
                List<? extends Asset> all = batch.of(type);
                for (int from = 0; from < all.size(); from += ROWS_PER_TRANSACTION) {
                    if (stopping) {
                        log.info("assets: stopped after storing {} of {} demo assets", stored, total);
                        return;
                    }
                    AssetBatch part = new AssetBatch();
                    all.subList(from, Math.min(all.size(), from + ROWS_PER_TRANSACTION)).forEach(part::add);
                    transactions.executeWithoutResult(s -> store.save(part, AssetStore.Replaced.none()));
                    stored += part.size();
                    if (System.nanoTime() - lastReport > 5_000_000_000L) {
                        lastReport = System.nanoTime();
                        log.info("assets: stored {} of {} demo assets ({}%)", stored, total, stored * 100 / total);
                    }
                }
            }
            registry.write((Function<org.megacity.assets.internal.AssetSnapshot, Written<Void>>) current ->
                    new Written<>(null, current.with(batch)));
            log.info("assets: the demo's {} assets are stored and served ({} s)", total,
                    (System.nanoTime() - start) / 1_000_000_000);
        } catch (RuntimeException e) {
            if (!stopping) {
                log.error("assets: generating the demo's assets failed", e);
            }
        }
    }
}
