package org.megacity.participation;

import java.util.Optional;
import org.megacity.platform.Bilingual;

/** How an opinion was handled. */
public enum Outcome implements Bilingual {
    ADOPTED("adopted", "采纳", "Adopted"),
    PARTLY_ADOPTED("partly-adopted", "部分采纳", "Partly adopted"),
    NOT_ADOPTED("not-adopted", "未采纳", "Not adopted"),
    ALREADY_REFLECTED("already-reflected", "草案已体现", "Already reflected"),
    OUT_OF_SCOPE("out-of-scope", "不属于本法规范围（已转交）", "Out of scope (referred)");
    private final Names names;

    Outcome(String id, String nameZh, String nameEn) {
        this.names = new Names(id, nameZh, nameEn);
    }

    @Override
    public Names names() {
        return names;
    }

    public static Optional<Outcome> find(String id) {
        return Bilingual.find(Outcome.class, id);
    }
}
