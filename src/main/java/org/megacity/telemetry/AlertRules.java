package org.megacity.telemetry;

import java.util.List;

/** The city's alert rules per sensor type, for the city model's export and import. */
public interface AlertRules {

    /** The rules per sensor type (not the per-asset overrides), in the order they were made. */
    List<AlertRuleDefinition> typeRules();

    /** How many per-asset overrides exist (they belong to assets, not to the city model). */
    int assetOverrides();

    /**
     * Replaces the rules per sensor type with these, in the caller's transaction if there is one;
     * the rule book serves them once it commits. Per-asset overrides stay.
     */
    void replaceTypeRules(List<AlertRuleDefinition> rules);
}
