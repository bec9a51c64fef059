package org.megacity.assets;

import java.util.Locale;

/** What a node of a pipe network is. */
public enum NodeKind {
    JUNCTION, VALVE, MANHOLE, SOURCE, CUSTOMER_CONNECTION;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static final java.util.Map<String, NodeKind> BY_ID = java.util.Arrays.stream(values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(NodeKind::id, k -> k));

    public static NodeKind parse(String text) {
        NodeKind exact = text == null ? null : BY_ID.get(text);
        if (exact != null) {
            return exact;
        }
        if (text != null) {
            for (NodeKind k : values()) {
                if (k.id().equals(text.trim().toLowerCase(Locale.ROOT).replace('_', '-'))) {
                    return k;
                }
            }
        }
        throw new IllegalArgumentException("unknown node kind '" + text
                + "' (expected junction, valve, manhole, source or customer-connection)");
    }
}
