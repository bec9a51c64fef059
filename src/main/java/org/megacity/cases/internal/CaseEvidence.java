package org.megacity.cases.internal;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.megacity.geo.DivisionCode;
import org.megacity.geo.Geography;
import org.megacity.legislation.EvidenceSource;
import org.megacity.legislation.EvidenceTable;
import org.megacity.legislation.PriorityArea;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Case counts for the legislation evidence panel: cases reported per district and month in the
 * categories of a priority area (pipelines: manhole covers, utility boxes and pipes, bursts, leaks,
 * overflows, outages; parks: greening components, dirty green spaces, fallen trees, park
 * management). Aggregates only.
 */
@Component
class CaseEvidence implements EvidenceSource {

    static final Map<PriorityArea, Set<String>> CATEGORIES = Map.of(
            PriorityArea.PIPELINES, Set.of("C0101", "C0102", "C0103", "C0104", "C0105", "C0106", "C0107", "C0110",
                    "C0111", "C0112", "C0113", "C0114", "E0501", "E0503", "E0504", "E0506", "E0507"),
            PriorityArea.PARKS, Set.of("C0401", "C0402", "C0403", "C0404", "C0405", "C0406", "E0106", "E0508", "E0606"));

    private final JdbcClient jdbc;
    private final Geography geography;
    private final ZoneId zone;

    CaseEvidence(JdbcClient jdbc, Geography geography, org.megacity.worktime.WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.geography = geography;
        this.zone = calendar.zone();
    }

    @Override
    public List<EvidenceTable> evidence(PriorityArea area, YearMonth from, YearMonth to) {
        Set<String> categories = CATEGORIES.get(area);
        if (categories == null || to.isBefore(from)) {
            return List.of();
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m);
        }
        List<Object> params = new ArrayList<>(categories);
        params.add(Timestamp.from(from.atDay(1).atStartOfDay(zone).toInstant()));
        params.add(Timestamp.from(to.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()));
        Map<String, long[]> byDistrict = new LinkedHashMap<>();
        jdbc.sql("select district_code, reported_at from cases_case where category in (" + "?, ".repeat(categories.size() - 1)
                        + "?) and reported_at >= ? and reported_at < ? and (rejection is null or rejection <> 'DUPLICATE')"
                        + " order by district_code")
                .params(params).query(rs -> {
                    YearMonth m = YearMonth.from(rs.getTimestamp("reported_at").toInstant().atZone(zone));
                    int i = months.indexOf(m);
                    if (i >= 0) {
                        byDistrict.computeIfAbsent(rs.getString("district_code"), k -> new long[months.size()])[i]++;
                    }
                });
        if (byDistrict.isEmpty()) {
            return List.of();
        }
        List<EvidenceTable.EvidenceRow> rows = new ArrayList<>();
        for (Map.Entry<String, long[]> e : byDistrict.entrySet()) {
            var division = geography.division(DivisionCode.of(e.getKey()));
            List<Long> monthly = java.util.Arrays.stream(e.getValue()).boxed().toList();
            rows.add(new EvidenceTable.EvidenceRow(e.getKey(), division.map(d -> d.name()).orElse(e.getKey()),
                    division.map(d -> d.nameEn()).orElse(e.getKey()), monthly,
                    monthly.stream().mapToLong(Long::longValue).sum()));
        }
        boolean pipes = area == PriorityArea.PIPELINES;
        return List.of(new EvidenceTable("cases", pipes ? "管线相关案件（按区县、月份）" : "园林绿化相关案件（按区县、月份）",
                pipes ? "Pipeline-related cases by district and month" : "Park and greening cases by district and month",
                "district", "cases", months, rows));
    }
}
