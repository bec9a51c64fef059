package org.megacity.assets.internal.network;

import java.util.BitSet;
import org.megacity.assets.NodeKind;
import org.megacity.assets.PipeNode;
import org.megacity.assets.PipeSegment;
import org.megacity.assets.internal.index.Layer;

/**
 * The pipe networks as one graph in primitive arrays: nodes and segments are numbered by their
 * positions in their {@link Layer}s; {@code nodeStart[n]..nodeStart[n + 1]} in {@code incident}
 * lists the segments meeting at node {@code n} (compressed sparse rows). Segments join only nodes
 * of their own utility, so each utility's network is a set of components of this graph.
 * Immutable; rebuilt with the layers on every write.
 */
public final class PipeNetwork {

    private final Layer<PipeNode> nodes;
    private final Layer<PipeSegment> segments;
    private final int[] from;
    private final int[] to;
    private final int[] nodeStart;
    private final int[] incident;
    /** Per node: 0 passes flow, 1 an open valve, 2 a closed valve, 3 a source. */
    private final byte[] role;

    private static final byte PASS = 0;
    private static final byte OPEN_VALVE = 1;
    private static final byte CLOSED_VALVE = 2;
    private static final byte SOURCE = 3;

    /** The graph of these layers; every segment's end nodes must be in {@code nodes}. */
    public PipeNetwork(Layer<PipeNode> nodes, Layer<PipeSegment> segments) {
        this.nodes = nodes;
        this.segments = segments;
        int n = nodes.size();
        int s = segments.size();
        from = new int[s];
        to = new int[s];
        nodeStart = new int[n + 1];
        for (int i = 0; i < s; i++) {
            PipeSegment seg = segments.get(i);
            from[i] = nodes.indexOf(seg.fromNode());
            to[i] = nodes.indexOf(seg.toNode());
            if (from[i] < 0 || to[i] < 0) {
                throw new IllegalStateException("segment " + seg.id() + " names a node that does not exist");
            }
            nodeStart[from[i] + 1]++;
            if (to[i] != from[i]) {
                nodeStart[to[i] + 1]++;
            }
        }
        for (int i = 1; i <= n; i++) {
            nodeStart[i] += nodeStart[i - 1];
        }
        incident = new int[nodeStart[n]];
        int[] fill = nodeStart.clone();
        for (int i = 0; i < s; i++) {
            incident[fill[from[i]]++] = i;
            if (to[i] != from[i]) {
                incident[fill[to[i]]++] = i;
            }
        }
        role = new byte[n];
        for (int i = 0; i < n; i++) {
            PipeNode node = nodes.get(i);
            role[i] = node.kind() == NodeKind.VALVE ? (node.open() ? OPEN_VALVE : CLOSED_VALVE)
                    : node.kind() == NodeKind.SOURCE ? SOURCE : PASS;
        }
    }

    public Layer<PipeNode> nodes() {
        return nodes;
    }

    public Layer<PipeSegment> segments() {
        return segments;
    }

    /**
     * What closing valves does for a broken segment (by position).
     *
     * <ol>
     * <li>From the broken segment's ends, walk the network until a valve: open valves met are the
     *     valves to close; closed valves already bound the walk. The segments walked are isolated
     *     (they hold the break and lose supply).</li>
     * <li>With those valves closed, walk from every source of the network outside the isolated
     *     part, through open valves and other nodes. The segments beyond the closed valves that no
     *     source reaches lose supply too.</li>
     * </ol>
     * A source inside the isolated part feeds nothing while the part is shut. Customer connections
     * on segments that lose supply are cut off. Networks without valves (gravity drainage) isolate
     * their whole component.
     */
    public Isolation isolate(int broken) {
        int n = nodes.size();
        BitSet isolatedSegments = new BitSet(segments.size());
        BitSet seenNodes = new BitSet(n);
        BitSet closing = new BitSet(n);
        int[] queue = new int[16];
        int head = 0;
        int tail = 0;
        isolatedSegments.set(broken);
        queue = push(queue, tail++, from[broken]);
        queue = push(queue, tail++, to[broken]);
        seenNodes.set(from[broken]);
        seenNodes.set(to[broken]);
        while (head < tail) {
            int node = queue[head++];
            byte r = role[node];
            if (r == OPEN_VALVE) {
                closing.set(node);
                continue;
            }
            if (r == CLOSED_VALVE) {
                continue;
            }
            for (int k = nodeStart[node]; k < nodeStart[node + 1]; k++) {
                int seg = incident[k];
                if (isolatedSegments.get(seg)) {
                    continue;
                }
                isolatedSegments.set(seg);
                int other = from[seg] == node ? to[seg] : from[seg];
                if (!seenNodes.get(other)) {
                    seenNodes.set(other);
                    queue = push(queue, tail++, other);
                }
            }
        }
        // Beyond each valve to close lies a region bounded by closed valves and valves to close.
        // Such a region is connected, so it keeps its supply exactly when it holds a source: walk
        // it until a source (or a segment already known to be supplied) is met, and only a region
        // without one is walked whole and cut off. A source is usually near (a lattice region has
        // one every few hundred nodes), so isolation costs the cut-off area, not the network: on
        // the megacity (1.8M segments) this cut the median from about 84 ms (a walk from every
        // source of the network) to the figures in docs/benchmarks.md ("Assets").
        BitSet cutOff = (BitSet) isolatedSegments.clone();
        BitSet supplied = new BitSet(segments.size());
        BitSet segMark = new BitSet(segments.size());
        BitSet nodeMark = new BitSet(n);
        org.megacity.assets.internal.index.Layer.IntBuffer regionSegments = new org.megacity.assets.internal.index.Layer.IntBuffer(64);
        for (int v = closing.nextSetBit(0); v >= 0; v = closing.nextSetBit(v + 1)) {
            for (int k = nodeStart[v]; k < nodeStart[v + 1]; k++) {
                int first = incident[k];
                if (isolatedSegments.get(first) || supplied.get(first) || cutOff.get(first)) {
                    continue;
                }
                regionSegments = new org.megacity.assets.internal.index.Layer.IntBuffer(64);
                head = 0;
                tail = 0;
                boolean hasSupply = false;
                boolean known = false;
                segMark.set(first);
                regionSegments.add(first);
                int start = from[first] == v ? to[first] : from[first];
                if (!closing.get(start)) {
                    nodeMark.set(start);
                    queue = push(queue, tail++, start);
                }
                walk:
                while (head < tail) {
                    int node = queue[head++];
                    byte r = role[node];
                    if (r == CLOSED_VALVE) {
                        continue;
                    }
                    if (r == SOURCE) {
                        hasSupply = true;
                        break;
                    }
                    for (int e = nodeStart[node]; e < nodeStart[node + 1]; e++) {
                        int seg = incident[e];
                        if (isolatedSegments.get(seg) || segMark.get(seg)) {
                            continue;
                        }
                        if (supplied.get(seg)) {
                            hasSupply = true;
                            break walk;
                        }
                        if (cutOff.get(seg)) {
                            known = true;
                            break walk;
                        }
                        segMark.set(seg);
                        regionSegments.add(seg);
                        int other = from[seg] == node ? to[seg] : from[seg];
                        if (!closing.get(other) && !nodeMark.get(other)) {
                            nodeMark.set(other);
                            queue = push(queue, tail++, other);
                        }
                    }
                }
                for (int i = 0; i < regionSegments.size(); i++) {
                    int seg = regionSegments.get(i);
                    segMark.clear(seg);
                    if (hasSupply) {
                        supplied.set(seg);
                    } else if (!known) {
                        cutOff.set(seg);
                    }
                }
                for (int i = 0; i < tail; i++) {
                    nodeMark.clear(queue[i]);
                }
            }
        }
        BitSet customers = new BitSet(n);
        for (int seg = cutOff.nextSetBit(0); seg >= 0; seg = cutOff.nextSetBit(seg + 1)) {
            if (nodes.get(from[seg]).kind() == NodeKind.CUSTOMER_CONNECTION) {
                customers.set(from[seg]);
            }
            if (nodes.get(to[seg]).kind() == NodeKind.CUSTOMER_CONNECTION) {
                customers.set(to[seg]);
            }
        }
        return new Isolation(broken, positions(closing), positions(isolatedSegments), positions(cutOff),
                positions(customers));
    }

    /**
     * The result of {@link #isolate}, as positions in the layers.
     *
     * @param valves    nodes to close
     * @param isolated  segments between the valves
     * @param cutOff    segments without supply (the isolated ones included)
     * @param customers customer-connection nodes without supply
     */
    public record Isolation(int broken, int[] valves, int[] isolated, int[] cutOff, int[] customers) {
    }

    private static int[] positions(BitSet set) {
        return set.stream().toArray();
    }

    private static int[] push(int[] queue, int at, int value) {
        if (at == queue.length) {
            queue = java.util.Arrays.copyOf(queue, queue.length * 2);
        }
        queue[at] = value;
        return queue;
    }
}
