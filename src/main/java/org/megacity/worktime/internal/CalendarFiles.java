package org.megacity.worktime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the calendar files ({@code calendar-YYYY.yaml}):
 *
 * <pre>
 * year: 2026
 * source: 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)
 * hours: ["09:00-12:00", "13:30-17:30"]
 * holidays:
 *   - {name: 元旦, nameEn: New Year's Day, from: "2026-01-01", to: "2026-01-03"}
 * workdays:
 *   - {date: "2026-01-04", for: 元旦}
 * </pre>
 */
final class CalendarFiles {

    static final String CLASSPATH_PATTERN = "classpath*:worktime/calendar-*.yaml";

    private CalendarFiles() {
    }

    /** The years shipped on the classpath, by year. */
    static Map<Integer, CalendarYear> shipped() {
        Map<Integer, CalendarYear> years = new TreeMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources(CLASSPATH_PATTERN)) {
                try (InputStream in = r.getInputStream()) {
                    CalendarYear y = read(in, r.getFilename());
                    years.put(y.year(), y);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return years;
    }

    /** Reads one file; every problem names the file and the entry. */
    static CalendarYear read(InputStream in, String name) {
        Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        if (!(loaded instanceof Map<?, ?> doc)) {
            throw new IllegalArgumentException(name + ": not a calendar (a YAML mapping with year, hours, holidays, workdays)");
        }
        try {
            int year = Integer.parseInt(String.valueOf(doc.get("year")));
            List<CalendarYear.Period> periods = new ArrayList<>();
            for (Object p : list(doc.get("hours"))) {
                String[] parts = String.valueOf(p).split("-");
                if (parts.length != 2) {
                    throw new IllegalArgumentException("working period '" + p + "' is not HH:MM-HH:MM");
                }
                periods.add(new CalendarYear.Period(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim())));
            }
            Map<LocalDate, String> holidays = new HashMap<>();
            for (Object h : list(doc.get("holidays"))) {
                Map<?, ?> entry = (Map<?, ?>) h;
                LocalDate from = LocalDate.parse(String.valueOf(entry.get("from")));
                LocalDate to = entry.get("to") == null ? from : LocalDate.parse(String.valueOf(entry.get("to")));
                if (to.isBefore(from)) {
                    throw new IllegalArgumentException("holiday " + entry.get("name") + " ends before it starts");
                }
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    holidays.put(d, String.valueOf(entry.get("name")));
                }
            }
            Map<LocalDate, String> workdays = new HashMap<>();
            for (Object w : list(doc.get("workdays"))) {
                Map<?, ?> entry = (Map<?, ?>) w;
                workdays.put(LocalDate.parse(String.valueOf(entry.get("date"))), String.valueOf(entry.get("for")));
            }
            return new CalendarYear(year, String.valueOf(doc.get("source")), periods, holidays, workdays);
        } catch (NumberFormatException | DateTimeParseException | ClassCastException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    private static List<?> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> l) {
            return l;
        }
        throw new IllegalArgumentException("expected a list, not " + value);
    }
}
