package org.megacity.geo;

import java.util.Locale;
import java.util.Optional;
import org.megacity.platform.Bilingual;

/**
 * The four levels of the city's geography. Codes nest by prefix: a district has a 6-digit code
 * (GB/T 2260 style), a street adds 3 digits, a community 3 more, and a unit grid a 3-digit sequence
 * (the 15-digit grid code of DB11/T 2157-2023).
 */
public enum DivisionLevel implements Bilingual {
    DISTRICT(6, "区县", "district"),
    STREET(9, "街道(乡镇)", "street"),
    COMMUNITY(12, "社区(村)", "community"),
    GRID(15, "单元网格", "grid");

    private final int codeLength;
    private final Names names;

    DivisionLevel(int codeLength, String nameZh, String nameEn) {
        this.names = new Names(nameEn, nameZh, nameEn);
        this.codeLength = codeLength;
    }

    @Override
    public Names names() {
        return names;
    }

    public int codeLength() {
        return codeLength;
    }

    /** The level whose codes have this length. */
    public static Optional<DivisionLevel> ofCodeLength(int length) {
        for (DivisionLevel level : values()) {
            if (level.codeLength == length) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    /** Parses {@code district}, {@code street}, {@code community} or {@code grid}, in any case. */
    public static DivisionLevel parse(String text) {
        for (DivisionLevel level : values()) {
            if (level.nameEn().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown level '" + text + "' (expected district, street, community or grid)");
    }

    public Optional<DivisionLevel> parent() {
        return ordinal() == 0 ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
    }

    public Optional<DivisionLevel> child() {
        return ordinal() == values().length - 1 ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }
}
