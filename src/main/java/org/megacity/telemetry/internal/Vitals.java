package org.megacity.telemetry.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.megacity.cases.CaseCounts;
import org.springframework.stereotype.Component;

/** The city's vital signs for a division (or the city): open alerts by domain, sensors online, cases, 24-hour trend. */
@Component
class Vitals {

    static final List<String> DOMAINS = List.of("water", "power", "gas", "telecom", "bridges", "tunnels", "rail",
            "pipe-networks");

    record Snapshot(String division, Instant at, Map<String, Integer> openAlertsByDomain, int openAlerts, int sensors,
            int sensorsOnline, long openCases, long overdueCases, int[] alertsPerHour) {
    }

    private final Telemetry telemetry;
    private final SensorRegistry sensors;
    private final AlertStore alerts;
    private final CaseCounts cases;

    Vitals(Telemetry telemetry, SensorRegistry sensors, AlertStore alerts, CaseCounts cases) {
        this.telemetry = telemetry;
        this.sensors = sensors;
        this.alerts = alerts;
        this.cases = cases;
    }

    Snapshot of(String division) {
        Instant now = telemetry.now();
        String district = division == null ? null : division.substring(0, Math.min(6, division.length()));
        Map<String, Integer> byDomain = new LinkedHashMap<>();
        for (String d : DOMAINS) {
            byDomain.put(d, 0);
        }
        alerts.openByDomain(district).forEach((d, n) -> byDomain.merge(d, n, Integer::sum));
        int total = 0;
        int online = 0;
        long t = now.toEpochMilli();
        for (Sensor s : sensors.all()) {
            if (division != null && !(s.gridCode() != null && s.gridCode().startsWith(division))
                    && !(s.districtCode() != null && s.districtCode().startsWith(division))) {
                continue;
            }
            total++;
            if (sensors.online(s, t, 3)) {
                online++;
            }
        }
        CaseCounts.Counts c = cases.count(division, now);
        return new Snapshot(division, now, byDomain, byDomain.values().stream().mapToInt(Integer::intValue).sum(), total,
                online, c.open(), c.overdue(), alerts.raisedPerHour(district, now));
    }
}
