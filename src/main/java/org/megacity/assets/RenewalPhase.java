package org.megacity.assets;

import java.util.Locale;
import org.megacity.platform.Bilingual;

/** The phase of an urban-renewal project. */
public enum RenewalPhase implements Bilingual {
    PLANNING("规划"), APPROVED("立项"), RELOCATION("征收安置"), CONSTRUCTION("施工"), COMPLETED("竣工");
    private final Names names;

    RenewalPhase(String nameZh) {
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

    public static RenewalPhase parse(String text) {
        return Bilingual.parse(RenewalPhase.class, text, "phase");
    }
}
