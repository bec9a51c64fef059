package org.megacity.legislation;

import org.megacity.platform.Bilingual;

/** What a bill does to the law: makes a new regulation, revises one, or repeals one. */
public enum BillKind implements Bilingual {
    NEW("new", "制定", "New"),
    REVISION("revision", "修改", "Revision"),
    REPEAL("repeal", "废止", "Repeal");

    private final String id;
    private final String nameZh;
    private final String nameEn;

    BillKind(String id, String nameZh, String nameEn) {
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

/** @throws IllegalArgumentException naming the accepted ids */
    public static BillKind parse(String id) {
        return Bilingual.parse(BillKind.class, id, "kind");
    }
}
