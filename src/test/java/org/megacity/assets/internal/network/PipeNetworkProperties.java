package org.megacity.assets.internal.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.megacity.assets.NodeKind;
import org.megacity.assets.PipeNode;
import org.megacity.assets.PipeSegment;
import org.megacity.assets.Utility;
import org.megacity.assets.internal.index.Layer;

/** Isolation: worked examples, and random networks against a plain set-based reading of the rule. */
class PipeNetworkProperties {

    static PipeNode node(long id, NodeKind kind, boolean open) {
        return new PipeNode(id, Utility.WATER_SUPPLY, kind, open, 106.5 + id * 1e-4, 29.5);
    }

    static PipeSegment segment(long id, long from, long to) {
        return new PipeSegment(id, Utility.WATER_SUPPLY, from, to, "ductile-iron", 200, 2005, "low", 1.2,
                "water-supply", new double[] {106.5 + from * 1e-4, 29.5, 106.5 + to * 1e-4, 29.5001});
    }

    /**
     * source 1 -s10- valve 2 -s11- junction 3 -s12- junction 4 -s13- valve 5 -s14- junction 6 -s15- customer 7
     * and junction 3 -s16- customer 8.
     */
    @Test
    void aBreakBetweenTwoValvesClosesThemAndCutsOffWhatLiesBeyond() {
        List<PipeNode> nodes = List.of(node(1, NodeKind.SOURCE, true), node(2, NodeKind.VALVE, true),
                node(3, NodeKind.JUNCTION, true), node(4, NodeKind.JUNCTION, true), node(5, NodeKind.VALVE, true),
                node(6, NodeKind.JUNCTION, true), node(7, NodeKind.CUSTOMER_CONNECTION, true),
                node(8, NodeKind.CUSTOMER_CONNECTION, true));
        List<PipeSegment> segments = List.of(segment(10, 1, 2), segment(11, 2, 3), segment(12, 3, 4),
                segment(13, 4, 5), segment(14, 5, 6), segment(15, 6, 7), segment(16, 3, 8));
        PipeNetwork network = new PipeNetwork(Layer.of(nodes), Layer.of(segments));
        PipeNetwork.Isolation result = network.isolate(network.segments().indexOf(12));
        assertThat(ids(network.nodes(), result.valves())).containsExactly(2L, 5L);
        assertThat(ids(network.segments(), result.isolated())).containsExactly(11L, 12L, 13L, 16L);
        assertThat(ids(network.segments(), result.cutOff())).containsExactly(11L, 12L, 13L, 14L, 15L, 16L);
        assertThat(ids(network.nodes(), result.customers())).containsExactly(7L, 8L);
    }

    @Test
    void aLoopFedFromTwoSourcesKeepsSupplyBeyondTheValves() {
        // source 1 - valve 2 - j3 - valve 4 - j5 - source 6 ; break on 2-3
        List<PipeNode> nodes = List.of(node(1, NodeKind.SOURCE, true), node(2, NodeKind.VALVE, true),
                node(3, NodeKind.JUNCTION, true), node(4, NodeKind.VALVE, true), node(5, NodeKind.CUSTOMER_CONNECTION, true),
                node(6, NodeKind.SOURCE, true));
        List<PipeSegment> segments = List.of(segment(10, 1, 2), segment(11, 2, 3), segment(12, 3, 4),
                segment(13, 4, 5), segment(14, 5, 6));
        PipeNetwork network = new PipeNetwork(Layer.of(nodes), Layer.of(segments));
        PipeNetwork.Isolation result = network.isolate(network.segments().indexOf(11));
        assertThat(ids(network.nodes(), result.valves())).containsExactly(2L, 4L);
        assertThat(ids(network.segments(), result.cutOff())).containsExactly(11L, 12L);
        assertThat(result.customers()).isEmpty();
    }

    @Test
    void aClosedValveAlreadyBoundsTheBreak() {
        List<PipeNode> nodes = List.of(node(1, NodeKind.SOURCE, true), node(2, NodeKind.VALVE, false),
                node(3, NodeKind.JUNCTION, true), node(4, NodeKind.VALVE, true), node(5, NodeKind.JUNCTION, true));
        List<PipeSegment> segments = List.of(segment(10, 1, 2), segment(11, 2, 3), segment(12, 3, 4),
                segment(13, 4, 5));
        PipeNetwork network = new PipeNetwork(Layer.of(nodes), Layer.of(segments));
        PipeNetwork.Isolation result = network.isolate(network.segments().indexOf(11));
        assertThat(ids(network.nodes(), result.valves())).containsExactly(4L);
        assertThat(ids(network.segments(), result.cutOff())).containsExactly(11L, 12L, 13L);
    }

    @Test
    void randomNetworksAgreeWithTheRuleReadPlainly() {
        qt().withExamples(400).forAll(longs().all(), integers().between(2, 80)).checkAssert((seed, size) -> {
            Random random = new Random(seed);
            List<PipeNode> nodes = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                NodeKind kind = NodeKind.values()[random.nextInt(NodeKind.values().length)];
                nodes.add(node(100 + i, kind, random.nextInt(5) > 0));
            }
            List<PipeSegment> segments = new ArrayList<>();
            int edges = 1 + random.nextInt(size * 2);
            for (int i = 0; i < edges; i++) {
                segments.add(segment(1000 + i, 100 + random.nextInt(size), 100 + random.nextInt(size)));
            }
            PipeNetwork network = new PipeNetwork(Layer.of(nodes), Layer.of(segments));
            PipeSegment broken = segments.get(random.nextInt(edges));
            PipeNetwork.Isolation result = network.isolate(network.segments().indexOf(broken.id()));
            Expected expected = Expected.of(nodes, segments, broken);
            assertThat(set(ids(network.nodes(), result.valves()))).isEqualTo(expected.valves);
            assertThat(set(ids(network.segments(), result.isolated()))).isEqualTo(expected.isolated);
            assertThat(set(ids(network.segments(), result.cutOff()))).isEqualTo(expected.cutOff);
            assertThat(set(ids(network.nodes(), result.customers()))).isEqualTo(expected.customers);
        });
    }

    /** The rule with maps and sets, no cleverness. */
    record Expected(Set<Long> valves, Set<Long> isolated, Set<Long> cutOff, Set<Long> customers) {
        static Expected of(List<PipeNode> nodes, List<PipeSegment> segments, PipeSegment broken) {
            Map<Long, PipeNode> byId = nodes.stream().collect(Collectors.toMap(PipeNode::id, n -> n));
            Map<Long, List<PipeSegment>> at = new HashMap<>();
            for (PipeSegment s : segments) {
                at.computeIfAbsent(s.fromNode(), k -> new ArrayList<>()).add(s);
                at.computeIfAbsent(s.toNode(), k -> new ArrayList<>()).add(s);
            }
            Set<Long> valves = new HashSet<>();
            Set<Long> isolated = new HashSet<>();
            walk(broken, at, byId, isolated, n -> {
                PipeNode node = byId.get(n);
                if (node.kind() == NodeKind.VALVE) {
                    if (node.open()) {
                        valves.add(n);
                    }
                    return false;
                }
                return true;
            });
            Set<Long> candidates = new HashSet<>();
            walk(broken, at, byId, candidates, n -> byId.get(n).kind() != NodeKind.VALVE || byId.get(n).open());
            Set<Long> supplied = new HashSet<>();
            Set<Long> isolatedNodes = new HashSet<>();
            for (PipeSegment s : segments) {
                if (isolated.contains(s.id())) {
                    isolatedNodes.add(s.fromNode());
                    isolatedNodes.add(s.toNode());
                }
            }
            for (PipeNode source : nodes) {
                if (source.kind() != NodeKind.SOURCE || (isolatedNodes.contains(source.id()))) {
                    continue;
                }
                ArrayDeque<Long> queue = new ArrayDeque<>(List.of(source.id()));
                Set<Long> seen = new HashSet<>(List.of(source.id()));
                while (!queue.isEmpty()) {
                    long n = queue.poll();
                    PipeNode node = byId.get(n);
                    if (node.kind() == NodeKind.VALVE && (!node.open() || valves.contains(n))) {
                        continue;
                    }
                    for (PipeSegment s : at.getOrDefault(n, List.of())) {
                        if (isolated.contains(s.id())) {
                            continue;
                        }
                        supplied.add(s.id());
                        long other = s.fromNode() == n ? s.toNode() : s.fromNode();
                        if (seen.add(other)) {
                            queue.add(other);
                        }
                    }
                }
            }
            Set<Long> cutOff = new HashSet<>(isolated);
            for (long s : candidates) {
                if (!supplied.contains(s)) {
                    cutOff.add(s);
                }
            }
            Set<Long> customers = new HashSet<>();
            for (PipeSegment s : segments) {
                if (cutOff.contains(s.id())) {
                    for (long n : new long[] {s.fromNode(), s.toNode()}) {
                        if (byId.get(n).kind() == NodeKind.CUSTOMER_CONNECTION) {
                            customers.add(n);
                        }
                    }
                }
            }
            return new Expected(valves, isolated, cutOff, customers);
        }

        /** Segments reachable from the broken one through nodes that {@code passes}. */
        static void walk(PipeSegment broken, Map<Long, List<PipeSegment>> at, Map<Long, PipeNode> byId,
                Set<Long> segments, java.util.function.LongPredicate passes) {
            segments.add(broken.id());
            ArrayDeque<Long> queue = new ArrayDeque<>(List.of(broken.fromNode(), broken.toNode()));
            Set<Long> seen = new HashSet<>(queue);
            while (!queue.isEmpty()) {
                long n = queue.poll();
                if (!passes.test(n)) {
                    continue;
                }
                for (PipeSegment s : at.getOrDefault(n, List.of())) {
                    segments.add(s.id());
                    long other = s.fromNode() == n ? s.toNode() : s.fromNode();
                    if (seen.add(other)) {
                        queue.add(other);
                    }
                }
            }
        }
    }

    static List<Long> ids(Layer<?> layer, int[] positions) {
        return Arrays.stream(positions).mapToObj(i -> ((org.megacity.assets.Asset) layer.get(i)).id()).sorted().toList();
    }

    static Set<Long> set(List<Long> ids) {
        return new HashSet<>(ids);
    }
}
