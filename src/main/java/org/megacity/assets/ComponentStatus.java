package org.megacity.assets;

import java.util.Locale;
import org.megacity.platform.Bilingual;

/** The state of a city component as inspectors record it. */
public enum ComponentStatus implements Bilingual {
    INTACT("完好"), DAMAGED("破损"), MISSING("丢失"), OCCUPIED("占用"), DISUSED("废弃");
    private final Names names;

    ComponentStatus(String nameZh) {
        this.names = new Names(null, nameZh, null);
    }

    @Override
    public Names names() {
        return names;
    }

    /** The English name: the id, capitalised. */
    @Override
    public String nameEn() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    public static ComponentStatus parse(String text) {
        return Bilingual.parse(ComponentStatus.class, text, "status");
    }
}
