package org.megacity.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.megacity.platform.internal.CommandDispatcher;
import org.megacity.platform.internal.DataRestore;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/** Starts the application for a command line: the server for {@code serve} and {@code demo}, else a command. */
public final class Launch {

    /** Returned by {@link #run} when a server was started and the process must keep running. */
    public static final int KEEP_RUNNING = -1;

    private Launch() {
    }

    public static int run(Class<?> application, CommandLine line) {
        return switch (line.command()) {
            case "serve" -> startServer(application, line, false);
            case "demo" -> startServer(application, line, true);
            case "restore" -> restore(application, line);
            default -> runCommand(application, line);
        };
    }

    private static int startServer(Class<?> application, CommandLine line, boolean demo) {
        List<String> args = new ArrayList<>(line.settingArguments());
        args.add("--megacity.mode=server");
        if (demo) {
            args.add("--megacity.demo.enabled=true");
        }
        SpringApplication app = new SpringApplication(application);
        app.run(args.toArray(String[]::new));
        return KEEP_RUNNING;
    }

    /** Unpacks the backup before the application starts (it would create a database), then reports. */
    private static int restore(Class<?> application, CommandLine line) {
        if (!line.flag("help")) {
            int unpacked = DataRestore.unpack(line, System.out, System.err);
            if (unpacked != 0) {
                return unpacked;
            }
        }
        return runCommand(application, line);
    }

    private static int runCommand(Class<?> application, CommandLine line) {
        List<String> args = new ArrayList<>(line.settingArguments());
        args.add("--megacity.mode=cli");
        args.add("--spring.main.log-startup-info=false");
        args.add("--logging.level.root=WARN");
        args.add("--logging.level.org.flywaydb.core.internal.database.base.Database=ERROR");
        Path scratch = null;
        if (line.words().isEmpty() || line.command().equals("help")) {
            // listing the commands must not create a data directory or touch a database
            try {
                scratch = Files.createTempDirectory("megacity-help");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            args.add("--spring.datasource.url=jdbc:h2:mem:help;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
            args.add("--megacity.data-dir=" + scratch);
        }
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        try (ConfigurableApplicationContext context = app.run(args.toArray(String[]::new))) {
            return context.getBean(CommandDispatcher.class).dispatch(line, System.out, System.err);
        } catch (RuntimeException e) {
            System.err.println("megacity: could not start: " + rootMessage(e));
            return 2;
        } finally {
            if (scratch != null) {
                FileSystemUtils.deleteRecursively(scratch.toFile());
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
