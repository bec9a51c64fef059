package org.megacity.worktime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.megacity.worktime.CalendarYearDefinition;
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
            List<String> hours = new ArrayList<>();
            for (Object p : list(doc.get("hours"))) {
                hours.add(String.valueOf(p));
            }
            List<CalendarYearDefinition.Holiday> holidays = new ArrayList<>();
            for (Object h : list(doc.get("holidays"))) {
                Map<?, ?> entry = (Map<?, ?>) h;
                holidays.add(new CalendarYearDefinition.Holiday(string(entry.get("name")), string(entry.get("nameEn")),
                        date(entry.get("from")), entry.get("to") == null ? null : date(entry.get("to"))));
            }
            List<CalendarYearDefinition.MakeUpDay> workdays = new ArrayList<>();
            for (Object w : list(doc.get("workdays"))) {
                Map<?, ?> entry = (Map<?, ?>) w;
                workdays.add(new CalendarYearDefinition.MakeUpDay(date(entry.get("date")), string(entry.get("for"))));
            }
            return CalendarYear.of(new CalendarYearDefinition(year, string(doc.get("source")), hours, holidays, workdays));
        } catch (NumberFormatException | DateTimeParseException | ClassCastException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    private static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static LocalDate date(Object value) {
        return value == null ? null : LocalDate.parse(String.valueOf(value));
    }

    /** A year as its file, which {@link #read} reads back to the same definition. */
    static String write(CalendarYearDefinition y) {
        StringBuilder out = new StringBuilder();
        out.append("# Working calendar ").append(y.year()).append(" (written by ./megacity model import; see docs/worktime.md)\n");
        out.append("year: ").append(y.year()).append('\n');
        out.append("source: ").append(quoted(y.source())).append('\n');
        out.append("hours: [").append(String.join(", ", y.hours().stream().map(CalendarFiles::quoted).toList())).append("]\n");
        out.append("holidays:").append(y.holidays().isEmpty() ? " []\n" : "\n");
        for (CalendarYearDefinition.Holiday h : y.holidays()) {
            out.append("  - {name: ").append(quoted(h.name())).append(", nameEn: ").append(quoted(h.nameEn()))
                    .append(", from: ").append(quoted(h.from().toString())).append(", to: ")
                    .append(quoted(h.to().toString())).append("}\n");
        }
        out.append("workdays:").append(y.workdays().isEmpty() ? " []\n" : "\n");
        for (CalendarYearDefinition.MakeUpDay w : y.workdays()) {
            out.append("  - {date: ").append(quoted(w.date().toString())).append(", for: ").append(quoted(w.forHoliday()))
                    .append("}\n");
        }
        return out.toString();
    }

    /** A YAML double-quoted scalar. */
    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
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
