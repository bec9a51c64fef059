package org.megacity.assets;

import java.util.Locale;

/** The phase of an urban-renewal project. */
public enum RenewalPhase {
    PLANNING("规划"), APPROVED("立项"), RELOCATION("征收安置"), CONSTRUCTION("施工"), COMPLETED("竣工");

    private final String nameZh;

    RenewalPhase(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RenewalPhase parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown phase '" + text
                    + "' (expected planning, approved, relocation, construction or completed)");
        }
    }
}
