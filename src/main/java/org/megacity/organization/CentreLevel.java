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

    private final String nameZh;
    private final String id;
    private final DivisionLevel divisionLevel;

    CentreLevel(String nameZh, String id, DivisionLevel divisionLevel) {
        this.nameZh = nameZh;
        this.id = id;
        this.divisionLevel = divisionLevel;
    }

    public String nameZh() {
        return nameZh;
    }

    /** The English name: the id, capitalised. */
    @Override
    public String nameEn() {
        return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }

    /** {@code city}, {@code district} or {@code street}, as in the API. */
    @Override
    public String id() {
        return id;
    }

    /** The level of the division a centre of this level is bound to; empty for the city centre. */
    public Optional<DivisionLevel> divisionLevel() {
        return Optional.ofNullable(divisionLevel);
    }

    public static CentreLevel parse(String text) {
        return Bilingual.parse(CentreLevel.class, text, "centre level");
    }
}
