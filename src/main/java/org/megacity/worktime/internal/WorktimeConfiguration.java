package org.megacity.worktime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.megacity.platform.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The working calendar of the installation: the years shipped with the platform, overridden or
 * extended by files in {@code <data>/worktime/calendar-YYYY.yaml}.
 */
@Configuration(proxyBeanMethods = false)
class WorktimeConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(WorktimeConfiguration.class);

    @Bean
    DataWorkingCalendar workingCalendar(DataDirectory data, @Value("${megacity.worktime.zone:Asia/Shanghai}") String zone) {
        Map<Integer, CalendarYear> years = CalendarFiles.shipped();
        Path dir = data.resolve("worktime");
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "calendar-*.yaml")) {
                for (Path file : files) {
                    try (InputStream in = Files.newInputStream(file)) {
                        CalendarYear y = CalendarFiles.read(in, file.toString());
                        years.put(y.year(), y);
                        LOG.info("working calendar {} read from {}", y.year(), file);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new DataWorkingCalendar(ZoneId.of(zone), years);
    }
}
