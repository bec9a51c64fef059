package org.megacity.geo.internal.web;

import java.util.ArrayList;
import java.util.List;
import org.megacity.geo.Division;
import org.megacity.geo.DivisionCode;
import org.megacity.geo.DivisionLevel;
import org.megacity.geo.internal.index.Atlas;

/** Which divisions an export holds. */
public final class Exports {

    private Exports() {
    }

    /**
     * The divisions below {@code parent} (the whole city when null), all levels or only {@code only},
     * districts first and each level in code order, so that the file imports in one go.
     */
    public static List<Division> select(Atlas atlas, DivisionLevel only, DivisionCode parent) {
        List<Division> selected = new ArrayList<>();
        for (DivisionLevel level : DivisionLevel.values()) {
            if (only != null && level != only) {
                continue;
            }
            if (parent != null && level.ordinal() <= parent.level().ordinal()) {
                continue;
            }
            selected.addAll(atlas.level(level, parent == null ? null : parent.value()));
        }
        return selected;
    }
}
