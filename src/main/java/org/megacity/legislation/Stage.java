package org.megacity.legislation;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.megacity.platform.Bilingual;

/**
 * The stages of a bill: proposed → in plan → drafting → submitted → first reading → second reading
 * → third reading → adopted → promulgated → in force; withdrawn or shelved from any stage before
 * adoption. A local regulation may be put to the vote after its second reading (or, uncontroversial,
 * its first: Chongqing Local Legislation Regulation), so a reading may lead to adoption directly. A
 * shelved bill may be taken up again (back into the plan or drafting) or withdrawn; withdrawn and
 * in force are final. Public consultation happens between readings (module participation).
 */
public enum Stage implements Bilingual {
    PROPOSED("proposed", "立项建议", "Proposed"),
    IN_PLAN("in-plan", "列入计划", "In the plan"),
    DRAFTING("drafting", "起草", "Drafting"),
    SUBMITTED("submitted", "提请审议", "Submitted"),
    FIRST_READING("first-reading", "一审", "First reading"),
    SECOND_READING("second-reading", "二审", "Second reading"),
    THIRD_READING("third-reading", "三审", "Third reading"),
    ADOPTED("adopted", "表决通过", "Adopted"),
    PROMULGATED("promulgated", "公布", "Promulgated"),
    IN_FORCE("in-force", "施行", "In force"),
    WITHDRAWN("withdrawn", "撤回", "Withdrawn"),
    SHELVED("shelved", "搁置", "Shelved");
    private final Names names;

    Stage(String id, String nameZh, String nameEn) {
        this.names = new Names(id, nameZh, nameEn);
    }

    @Override
    public Names names() {
        return names;
    }

    /** The stages a bill in this stage may move to. */
    public Set<Stage> next() {
        EnumSet<Stage> next = switch (this) {
            case PROPOSED -> EnumSet.of(IN_PLAN);
            case IN_PLAN -> EnumSet.of(DRAFTING);
            case DRAFTING -> EnumSet.of(SUBMITTED);
            case SUBMITTED -> EnumSet.of(FIRST_READING);
            case FIRST_READING -> EnumSet.of(SECOND_READING, ADOPTED);
            case SECOND_READING -> EnumSet.of(THIRD_READING, ADOPTED);
            case THIRD_READING -> EnumSet.of(ADOPTED);
            case ADOPTED -> EnumSet.of(PROMULGATED);
            case PROMULGATED -> EnumSet.of(IN_FORCE);
            case SHELVED -> EnumSet.of(IN_PLAN, DRAFTING, WITHDRAWN);
            case IN_FORCE, WITHDRAWN -> EnumSet.noneOf(Stage.class);
        };
        if (ordinal() < ADOPTED.ordinal()) {
            next.add(WITHDRAWN);
            next.add(SHELVED);
        }
        return next;
    }

    public boolean canMoveTo(Stage target) {
        return next().contains(target);
    }

    /** Whether this is a reading in the standing committee (一审, 二审, 三审). */
    public boolean reading() {
        return this == FIRST_READING || this == SECOND_READING || this == THIRD_READING;
    }

public static Optional<Stage> find(String id) {
        return Bilingual.find(Stage.class, id);
    }
}
