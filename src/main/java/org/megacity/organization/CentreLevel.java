package org.megacity.organization;

import java.util.Optional;
import org.megacity.geo.DivisionLevel;
import org.megacity.platform.Bilingual;

/**
 * The three levels of city operation and governance centres (城市运行和治理中心): the city's "brain",
 * the districts' operational hubs, and the streets' and towns' execution ends.
 */
public enum CentreLevel implements Bilingual {
    CITY("市级", "city", null),
    DISTRICT("区县级", "district", DivisionLevel.DISTRICT),
    STREET("镇街级", "street", DivisionLevel.STREET);

    private final DivisionLevel divisionLevel;
    private final Names names;

    CentreLevel(String nameZh, String id, DivisionLevel divisionLevel) {
        this.names = new Names(id, nameZh, null);
        this.divisionLevel = divisionLevel;
    }

    @Override
    public Names names() {
        return names;
    }

    /** The English name: the id, capitalised. */
    @Override
    public String nameEn() {
        return Character.toUpperCase(id().charAt(0)) + id().substring(1);
    }

    /** The level of the division a centre of this level is bound to; empty for the city centre. */
    public Optional<DivisionLevel> divisionLevel() {
        return Optional.ofNullable(divisionLevel);
    }

    public static CentreLevel parse(String text) {
        return Bilingual.parse(CentreLevel.class, text, "centre level");
    }
}
