package org.megacity.assets;

import java.util.Locale;

/** The state of a city component as inspectors record it. */
public enum ComponentStatus {
    INTACT("完好"), DAMAGED("破损"), MISSING("丢失"), OCCUPIED("占用"), DISUSED("废弃");

    private final String nameZh;

    ComponentStatus(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ComponentStatus parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown status '" + text
                    + "' (expected intact, damaged, missing, occupied or disused)");
        }
    }
}
