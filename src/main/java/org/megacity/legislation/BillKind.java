package org.megacity.legislation;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a bill does to the law: makes a new regulation, revises one, or repeals one. */
public enum BillKind {
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
        for (BillKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown kind '" + id + "'; one of "
                + Arrays.stream(values()).map(BillKind::id).collect(Collectors.joining(", ")));
    }
}
