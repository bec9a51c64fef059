package org.megacity.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP load from <a href="https://github.com/wg/wrk">wrk</a> (Debian package {@code wrk}), a load
 * generator in C with an event loop per thread. Load figures need a generator much cheaper than the
 * server, on the same two cores: the JDK's {@code HttpClient}, driven from the test's JVM, cost more
 * CPU per request than the platform's whole answer to an authenticated GET (it measured a tenth of
 * what wrk measures against the same server in the same minute).
 *
 * <p>A run's requests are made by a Lua script ({@code request()} returns one request); its
 * {@code done()} hook writes the summary that {@link Result} reads.
 */
public final class Wrk {

    /** What one run measured: completed requests, those not answered 2xx/3xx, socket errors, latencies. */
    public record Result(long requests, long notSuccessful, long socketErrors, double seconds, double p50Millis,
            double p99Millis) {

        public double perSecond() {
            return requests / seconds;
        }
    }

    private final Path executable;

    private Wrk(Path executable) {
        this.executable = executable;
    }

    /** The {@code wrk} on the PATH, or empty when it is not installed. */
    public static Optional<Wrk> installed() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "wrk");
            if (Files.isExecutable(candidate)) {
                return Optional.of(new Wrk(candidate));
            }
        }
        return Optional.empty();
    }

    /**
     * Runs {@code script} (Lua defining {@code request()}, and {@code init(args)} if it needs
     * arguments) against {@code url} with {@code connections} keep-alive connections on
     * {@code threads} threads for {@code seconds}.
     */
    public Result run(String url, String script, int threads, int connections, int seconds, String... args)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("wrk");
        try {
            Path summary = dir.resolve("summary.txt");
            Path lua = dir.resolve("load.lua");
            Files.writeString(lua, script + "\n" + """
                    done = function(summary, latency, requests)
                      local f = io.open("%s", "w")
                      f:write(string.format("requests=%%d status=%%d errors=%%d micros=%%d p50=%%d p99=%%d\\n",
                        summary.requests, summary.errors.status,
                        summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
                        summary.duration, latency:percentile(50), latency:percentile(99)))
                      f:close()
                    end
                    """.formatted(summary), StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(List.of(executable.toString(), "-t", Integer.toString(threads), "-c",
                    Integer.toString(connections), "-d", seconds + "s", "--timeout", "10s", "-s", lua.toString(), url));
            if (args.length > 0) {
                command.add("--");
                command.addAll(List.of(args));
            }
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("out.txt").toFile()).start();
            if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("wrk did not finish within " + (seconds + 60) + " s");
            }
            String out = Files.readString(dir.resolve("out.txt"));
            if (process.exitValue() != 0 || !Files.exists(summary)) {
                throw new IllegalStateException("wrk failed (exit " + process.exitValue() + "):\n" + out);
            }
            Matcher m = Pattern.compile("requests=(\\d+) status=(\\d+) errors=(\\d+) micros=(\\d+) p50=(\\d+) p99=(\\d+)")
                    .matcher(Files.readString(summary));
            if (!m.find()) {
                throw new IllegalStateException("wrk's summary is unreadable:\n" + out);
            }
            return new Result(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                    Long.parseLong(m.group(4)) / 1e6, Long.parseLong(m.group(5)) / 1e3, Long.parseLong(m.group(6)) / 1e3);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }
}
