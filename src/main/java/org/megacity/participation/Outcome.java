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

    private final String id;
    private final String nameZh;
    private final String nameEn;

    Outcome(String id, String nameZh, String nameEn) {
        this.id = id;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    @Override
    public String id() {
        return id;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public static Optional<Outcome> find(String id) {
        return Bilingual.find(Outcome.class, id);
    }
}
