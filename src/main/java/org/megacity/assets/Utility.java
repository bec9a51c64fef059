package org.megacity.assets;

import java.util.Locale;
import org.megacity.platform.Bilingual;

/**
 * The pipeline kinds of a city (DOMAIN.md §4), each with the department code of the operator that
 * runs it in the demo organization.
 */
public enum Utility implements Bilingual {
    WATER_SUPPLY("water-supply", "供水", "Water supply", "water-supply"),
    RAIN_DRAINAGE("rain-drainage", "雨水", "Rain drainage", "drainage"),
    SEWAGE("sewage", "污水", "Sewage", "drainage"),
    GAS("gas", "燃气", "Gas", "gas"),
    HEAT("heat", "热力", "Heat", "heat"),
    POWER("power", "电力", "Power", "power"),
    TELECOM("telecom", "通信", "Telecom", "telecom");

    private final String operator;
    private final Names names;

    Utility(String id, String name, String nameEn, String operator) {
        this.names = new Names(id, name, nameEn);
        this.operator = operator;
    }

    @Override
    public Names names() {
        return names;
    }

    /**
     * Whether the network is a pressure network shut off by valves (water supply, gas, heat). Gravity
     * drainage and cables are not isolated by closing valves.
     */
    public boolean valved() {
        return this == WATER_SUPPLY || this == GAS || this == HEAT;
    }

    /** The department code of the usual operator (a segment may name another). */
    public String defaultOperator() {
        return operator;
    }

    private static final java.util.Map<String, Utility> BY_ID = java.util.Arrays.stream(values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Utility::id, u -> u));

    public static Utility parse(String text) {
        Utility exact = text == null ? null : BY_ID.get(text);
        if (exact != null) {
            return exact;
        }
        if (text != null) {
            String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (Utility u : values()) {
                if (u.id().equals(t)) {
                    return u;
                }
            }
        }
        throw new IllegalArgumentException("unknown utility '" + text + "' (expected one of water-supply,"
                + " rain-drainage, sewage, gas, heat, power, telecom)");
    }
}
