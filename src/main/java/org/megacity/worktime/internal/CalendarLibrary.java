package org.megacity.worktime.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.megacity.platform.DataDirectory;
import org.megacity.worktime.CalendarDefinitions;
import org.megacity.worktime.CalendarYearDefinition;
import org.springframework.stereotype.Component;

/** {@link CalendarDefinitions} over the calendar in force and the data directory's calendar files. */
@Component
class CalendarLibrary implements CalendarDefinitions {

    private final DataWorkingCalendar calendar;
    private final DataDirectory data;

    CalendarLibrary(DataWorkingCalendar calendar, DataDirectory data) {
        this.calendar = calendar;
        this.data = data;
    }

    @Override
    public ZoneId zone() {
        return calendar.zone();
    }

    @Override
    public List<CalendarYearDefinition> years() {
        return calendar.calendarYears().values().stream().map(CalendarYear::definition).toList();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Every file is written to a temporary file first and moved into place only when all are
     * written; the calendar in memory changes last.
     */
    @Override
    public void load(List<CalendarYearDefinition> years) {
        List<CalendarYear> changed = years.stream().map(CalendarYear::of).toList();
        Path dir = data.resolve("worktime");
        List<Path> temps = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (CalendarYearDefinition y : years) {
                Path temp = Files.createTempFile(dir, ".calendar", ".tmp");
                temps.add(temp);
                Files.writeString(temp, CalendarFiles.write(y), StandardCharsets.UTF_8);
            }
            for (int i = 0; i < years.size(); i++) {
                Files.move(temps.get(i), dir.resolve("calendar-" + years.get(i).year() + ".yaml"),
                        StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the working calendar into " + dir, e);
        } finally {
            for (Path t : temps) {
                try {
                    Files.deleteIfExists(t);
                } catch (IOException ignored) {
                    // a leftover temporary file is harmless: its name matches no calendar
                }
            }
        }
        calendar.put(changed);
    }
}
