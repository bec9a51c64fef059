package org.megacity.assets.internal;

import java.util.EnumMap;
import java.util.Map;
import org.megacity.assets.Utility;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the assets module ({@code megacity.assets.*}).
 *
 * @param safetyDistances horizontal protection distance in metres per utility, each side of a pipe,
 *                        for the excavation check. Chongqing's pipeline regulation (Arts. 20, 22, 25)
 *                        requires protecting existing pipes and notifying their operators but states no
 *                        distances; the defaults follow national practice (docs/assets.md, "Excavation"):
 *                        gas 5 m (the control range around medium-pressure mains in city gas-facility
 *                        rules), heat 2 m, water supply and drainage 1.5 m, telecom 1 m, power 0.75 m (the
 *                        protection zone of buried cables, 电力设施保护条例实施细则 Art. 5)
 * @param verticalClearance a pipe whose top lies deeper than the dig's depth plus this many metres is
 *                        not touched (default 0.5 m)
 * @param maxImportBytes  the largest upload POST /api/v1/assets/import accepts (default 512 MB)
 * @param maxFeatures     the most features the API and OGC items return in one response (10,000)
 */
@ConfigurationProperties("megacity.assets")
public record AssetSettings(Map<Utility, Double> safetyDistances, Double verticalClearance, Long maxImportBytes,
        Integer maxFeatures) {

    public AssetSettings {
        Map<Utility, Double> d = new EnumMap<>(Utility.class);
        d.put(Utility.GAS, 5.0);
        d.put(Utility.HEAT, 2.0);
        d.put(Utility.WATER_SUPPLY, 1.5);
        d.put(Utility.RAIN_DRAINAGE, 1.5);
        d.put(Utility.SEWAGE, 1.5);
        d.put(Utility.TELECOM, 1.0);
        d.put(Utility.POWER, 0.75);
        if (safetyDistances != null) {
            safetyDistances.forEach((u, m) -> {
                if (m == null || m < 0 || m > 100) {
                    throw new IllegalArgumentException("megacity.assets.safety-distances." + u + " must be 0..100 m");
                }
                d.put(u, m);
            });
        }
        safetyDistances = Map.copyOf(d);
        verticalClearance = verticalClearance == null ? 0.5 : verticalClearance;
        maxImportBytes = maxImportBytes == null ? 512L << 20 : maxImportBytes;
        maxFeatures = maxFeatures == null ? 10_000 : maxFeatures;
    }

    public static AssetSettings defaults() {
        return new AssetSettings(null, null, null, null);
    }

    public double safetyDistance(Utility u) {
        return safetyDistances.get(u);
    }

    public double maxSafetyDistance() {
        return safetyDistances.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
