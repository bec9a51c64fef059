package org.megacity.telemetry.internal;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.megacity.geo.DivisionCode;
import org.megacity.geo.Geography;
import org.megacity.legislation.EvidenceSource;
import org.megacity.legislation.EvidenceTable;
import org.megacity.legislation.EvidenceTable.EvidenceRow;
import org.megacity.legislation.PriorityArea;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Alerts for the legislation evidence panel of a pipelines bill: alerts raised on the pipe networks
 * (water, gas, power, telecom and the other networks) per district and month, and per network and
 * month. Aggregates only.
 */
@Component
class TelemetryEvidence implements EvidenceSource {

    /** The alert domains that are pipe networks (bridges, tunnels and crowds are not). */
    static final Set<String> PIPE_DOMAINS = Set.of("water", "gas", "power", "telecom", "pipe-networks");

    private static final Map<String, String[]> DOMAIN_NAMES = Map.of(
            "water", new String[] {"供水", "Water supply"},
            "gas", new String[] {"燃气", "Gas"},
            "power", new String[] {"电力", "Power"},
            "telecom", new String[] {"通信", "Telecom"},
            "pipe-networks", new String[] {"其他管网", "Other pipe networks"});

    private static final ZoneId CITY_TIME = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final Geography geography;

    TelemetryEvidence(JdbcClient jdbc, Geography geography) {
        this.jdbc = jdbc;
        this.geography = geography;
    }

    @Override
    public List<EvidenceTable> evidence(PriorityArea area, YearMonth from, YearMonth to) {
        if (area != PriorityArea.PIPELINES || to.isBefore(from)) {
            return List.of();
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m);
        }
        Map<String, long[]> byDistrict = new TreeMap<>();
        Map<String, long[]> byDomain = new TreeMap<>();
        jdbc.sql("select district_code, domain, raised_at from telemetry_alerts where raised_at >= ? and raised_at < ?"
                        + " and domain in ('water', 'gas', 'power', 'telecom', 'pipe-networks')")
                .params(Timestamp.from(from.atDay(1).atStartOfDay(CITY_TIME).toInstant()),
                        Timestamp.from(to.plusMonths(1).atDay(1).atStartOfDay(CITY_TIME).toInstant()))
                .query(rs -> {
                    int i = months.indexOf(YearMonth.from(rs.getTimestamp("raised_at").toInstant().atZone(CITY_TIME)));
                    if (i >= 0) {
                        String district = rs.getString("district_code");
                        byDistrict.computeIfAbsent(district == null ? "" : district, k -> new long[months.size()])[i]++;
                        byDomain.computeIfAbsent(rs.getString("domain"), k -> new long[months.size()])[i]++;
                    }
                });
        if (byDistrict.isEmpty()) {
            return List.of();
        }
        List<EvidenceRow> districts = new ArrayList<>();
        byDistrict.forEach((code, counts) -> {
            var division = code.isEmpty() ? java.util.Optional.<org.megacity.geo.Division>empty()
                    : geography.division(DivisionCode.of(code));
            districts.add(row(code, division.map(d -> d.name()).orElse(code.isEmpty() ? "（未定位）" : code),
                    division.map(d -> d.nameEn()).orElse(code.isEmpty() ? "(not located)" : code), counts));
        });
        List<EvidenceRow> domains = new ArrayList<>();
        byDomain.forEach((domain, counts) -> {
            String[] names = DOMAIN_NAMES.getOrDefault(domain, new String[] {domain, domain});
            domains.add(row(domain, names[0], names[1], counts));
        });
        return List.of(
                new EvidenceTable("telemetry", "管网监测告警（按区县、月份）", "Pipe-network alerts by district and month",
                        "district", "alerts", months, districts),
                new EvidenceTable("telemetry", "管网监测告警（按管网、月份）", "Pipe-network alerts by network and month",
                        "utility", "alerts", months, domains));
    }

    private static EvidenceRow row(String key, String nameZh, String nameEn, long[] counts) {
        List<Long> monthly = java.util.Arrays.stream(counts).boxed().toList();
        return new EvidenceRow(key, nameZh, nameEn, monthly, monthly.stream().mapToLong(Long::longValue).sum());
    }
}
