package org.megacity.legislation;

import org.megacity.platform.Bilingual;

/** What a bill does to the law: makes a new regulation, revises one, or repeals one. */
public enum BillKind implements Bilingual {
    NEW("new", "制定", "New"),
    REVISION("revision", "修改", "Revision"),
    REPEAL("repeal", "废止", "Repeal");
    private final Names names;

    BillKind(String id, String nameZh, String nameEn) {
        this.names = new Names(id, nameZh, nameEn);
    }

    @Override
    public Names names() {
        return names;
    }

/** @throws IllegalArgumentException naming the accepted ids */
    public static BillKind parse(String id) {
        return Bilingual.parse(BillKind.class, id, "kind");
    }
}
