package org.megacity.assets.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.megacity.assets.Asset;
import org.megacity.assets.AssetType;
import org.megacity.assets.AssetsImported;
import org.megacity.assets.PipeNode;
import org.megacity.assets.PipeSegment;
import org.megacity.assets.internal.AssetRegistryService.Written;
import org.megacity.assets.internal.geojson.AssetFeatures.Problem;
import org.megacity.assets.internal.geojson.AssetFileReader;
import org.megacity.assets.internal.storage.AssetBatch;
import org.megacity.assets.internal.storage.AssetStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores assets all or nothing: a batch is checked as a whole against itself and the registry (ids
 * unique per type within the file, every segment's nodes existing in the file or the registry and of
 * the segment's utility), then written in one transaction; after the commit the registry's
 * snapshot is replaced by one with the batch in it. An asset whose id is stored already replaces it.
 * Publishes {@link AssetsImported} in the writing transaction.
 */
@Service
public class AssetImports {

    private final AssetRegistryService registry;
    private final AssetStore store;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    AssetImports(AssetRegistryService registry, AssetStore store, TransactionTemplate transactions,
            ApplicationEventPublisher events) {
        this.registry = registry;
        this.store = store;
        this.transactions = transactions;
        this.events = events;
    }

    /** The outcome of an import: what was stored per type, or the problems (nothing stored). */
    public record Outcome(Map<AssetType, Integer> stored, int replaced, List<Problem> problems, int problemsNotListed) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Stores what a reader parsed, unless it found problems. */
    public Outcome store(AssetFileReader.Parsed parsed) {
        if (!parsed.ok()) {
            return new Outcome(Map.of(), 0, parsed.problems(), parsed.problemsNotListed());
        }
        return store(parsed.batch());
    }

    public Outcome store(AssetBatch batch) {
        return registry.write(current -> {
            List<Problem> problems = check(batch, current);
            if (!problems.isEmpty()) {
                int more = Math.max(0, problems.size() - AssetFileReader.MAX_PROBLEMS);
                return new Written<>(new Outcome(Map.of(), 0,
                        List.copyOf(problems.subList(0, problems.size() - more)), more), null);
            }
            AssetStore.Replaced replaced = new AssetStore.Replaced(existing(batch.nodes, current, AssetType.PIPE_NODE),
                    existing(batch.segments, current, AssetType.PIPE_SEGMENT),
                    existing(batch.parks, current, AssetType.PARK), existing(batch.parcels, current, AssetType.PARCEL),
                    existing(batch.renewals, current, AssetType.RENEWAL_PROJECT),
                    existing(batch.components, current, AssetType.COMPONENT));
            transactions.executeWithoutResult(status -> {
                store.save(batch, replaced);
                events.publishEvent(new AssetsImported(batch.counts()));
            });
            int replacedCount = replaced.nodes().size() + replaced.segments().size() + replaced.parks().size()
                    + replaced.parcels().size() + replaced.renewals().size() + replaced.components().size();
            return new Written<>(new Outcome(batch.counts(), replacedCount, List.of(), 0), current.with(batch));
        });
    }

    private static List<Long> existing(List<? extends Asset> assets, AssetSnapshot current, AssetType type) {
        List<Long> ids = new ArrayList<>();
        for (Asset a : assets) {
            if (current.layer(type).contains(a.id())) {
                ids.add(a.id());
            }
        }
        return ids;
    }

    static List<Problem> check(AssetBatch batch, AssetSnapshot current) {
        List<Problem> problems = new ArrayList<>();
        for (AssetType type : AssetType.values()) {
            List<? extends Asset> assets = batch.of(type);
            Map<Long, Integer> first = new HashMap<>();
            for (int i = 0; i < assets.size(); i++) {
                Integer earlier = first.putIfAbsent(assets.get(i).id(), i);
                if (earlier != null) {
                    problems.add(new Problem(batch.where(type, i), (type == AssetType.COMPONENT ? "code " : "id ")
                            + assets.get(i).id() + " of " + type.id() + " is used by " + batch.where(type, earlier)
                            + " already"));
                }
            }
        }
        Map<Long, PipeNode> nodes = new HashMap<>();
        for (PipeNode n : batch.nodes) {
            nodes.put(n.id(), n);
        }
        for (int i = 0; i < batch.segments.size(); i++) {
            PipeSegment s = batch.segments.get(i);
            for (long end : new long[] {s.fromNode(), s.toNode()}) {
                PipeNode node = nodes.get(end);
                if (node == null) {
                    node = current.nodes().find(end).orElse(null);
                }
                if (node == null) {
                    problems.add(new Problem(batch.where(AssetType.PIPE_SEGMENT, i),
                            "node " + end + " exists neither in the file nor in the registry"));
                } else if (node.utility() != s.utility()) {
                    problems.add(new Problem(batch.where(AssetType.PIPE_SEGMENT, i), "node " + end + " belongs to the "
                            + node.utility().id() + " network, the segment to " + s.utility().id()));
                }
            }
        }
        // a node replaced with another utility would break stored segments that stay
        for (int i = 0; i < batch.nodes.size(); i++) {
            PipeNode n = batch.nodes.get(i);
            PipeNode old = current.nodes().find(n.id()).orElse(null);
            if (old != null && old.utility() != n.utility()) {
                problems.add(new Problem(batch.where(AssetType.PIPE_NODE, i), "node " + n.id()
                        + " is stored in the " + old.utility().id() + " network; its utility cannot change"));
            }
        }
        return problems;
    }
}
