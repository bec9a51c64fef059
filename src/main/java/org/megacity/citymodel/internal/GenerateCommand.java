package org.megacity.citymodel.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.megacity.citymodel.CityScale;
import org.megacity.citymodel.LandscapeFeature;
import org.megacity.citymodel.generation.CityGenerator;
import org.megacity.citymodel.generation.ConsoleProgress;
import org.megacity.citymodel.generation.GeneratedCity;
import org.megacity.geo.Division;
import org.megacity.geo.DivisionLevel;
import org.megacity.geo.Geography;
import org.megacity.platform.CliCommand;
import org.megacity.platform.DataDirectory;
import org.springframework.stereotype.Component;

/**
 * {@code ./megacity citymodel generate}: generates the demo city into an empty database, or only into
 * a GeoJSON file with {@code --out}. It refuses to replace a city already in the database, or to
 * overwrite a file, without {@code --force}.
 */
@Component
class GenerateCommand implements CliCommand {

    private final DemoSettings settings;
    private final Geography geography;
    private final CityLoading loading;
    private final DataDirectory data;

    GenerateCommand(DemoSettings settings, Geography geography, CityLoading loading, DataDirectory data) {
        this.settings = settings;
        this.geography = geography;
        this.loading = loading;
        this.data = data;
    }

    @Override
    public String name() {
        return "citymodel generate";
    }

    @Override
    public String summary() {
        return "Generate the demo city into an empty database, or into a GeoJSON file";
    }

    @Override
    public String synopsis() {
        return "[--data DIR] [--scale small|megacity] [--seed N] [--out FILE.geojson] [--force]";
    }

    @Override
    public int run(Invocation invocation) throws IOException {
        CityScale scale = CityScale.parse(invocation.line().option("scale").orElse(settings.scale()));
        long seed = invocation.line().option("seed").map(GenerateCommand::seed).orElse(settings.seed());
        boolean force = invocation.line().flag("force");
        var out = invocation.out();
        var err = invocation.err();

        if (invocation.line().option("out").isPresent()) {
            Path file = Path.of(invocation.line().option("out").get()).toAbsolutePath().normalize();
            for (Path target : List.of(file, landscapeFile(file))) {
                if (Files.exists(target) && !force) {
                    err.println("megacity citymodel generate: " + target + " exists; pass --force to overwrite it");
                    return 1;
                }
            }
            GeneratedCity city = generate(scale, seed, out);
            write(city, file);
            out.printf("citymodel: wrote %,d divisions and grids to %s (import it with ./megacity geo import)"
                    + " and %d landscape features to %s%n", city.divisions().size(), file, city.landscape().size(),
                    landscapeFile(file));
            return 0;
        }

        int districts = geography.count(DivisionLevel.DISTRICT);
        if (districts > 0 && !force) {
            err.printf("megacity citymodel generate: the database in %s already holds a city (%,d districts, %,d grids);"
                            + " pass --force to replace it, or --out FILE.geojson to write a city to a file%n",
                    data.root(), districts, geography.count(DivisionLevel.GRID));
            return 1;
        }
        GeneratedCity city = generate(scale, seed, out);
        if (districts > 0) {
            List<String> left = leftOver(city);
            if (!left.isEmpty()) {
                err.printf("megacity citymodel generate: --force can replace a city only by one with the same"
                                + " division codes, and %,d existing codes (e.g. %s) are not in the new city; the"
                                + " geography offers no removal yet. Use a fresh --data directory.%n",
                        left.size(), String.join(", ", left.subList(0, Math.min(3, left.size()))));
                return 1;
            }
        }
        try {
            CityLoading.Loaded loaded = loading.load(city);
            out.printf("citymodel: loaded %,d divisions and grids, %d departments and %,d centres into %s%n",
                    loaded.divisions(), loaded.departments(), loaded.centres(), data.root());
            return 0;
        } catch (CityLoading.CityRejected rejected) {
            err.println("megacity citymodel generate: the geography rejected the city; nothing was stored:");
            rejected.problems().stream().limit(20).forEach(p -> err.println("  " + p.feature() + ": " + p.message()));
            return 1;
        }
    }

    private static long seed(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed must be a whole number, not '" + text + "'");
        }
    }

    private static GeneratedCity generate(CityScale scale, long seed, java.io.PrintStream out) {
        ConsoleProgress progress = new ConsoleProgress(out);
        progress.say("generating the " + scale.id() + " city (seed " + seed + ")");
        GeneratedCity city = new CityGenerator().generate(scale, seed, progress);
        progress.say(String.format("generated %,d districts, %,d streets, %,d communities, %,d grids",
                city.districts().size(), city.streets().size(), city.communities().size(), city.grids().size()));
        return city;
    }

    /** Codes in the database that the new city would not replace. */
    private List<String> leftOver(GeneratedCity city) {
        Set<String> fresh = new HashSet<>();
        city.divisions().forEach(d -> fresh.add(d.code().value()));
        return java.util.Arrays.stream(DivisionLevel.values())
                .flatMap(level -> geography.divisions(level, null).stream())
                .map(d -> d.code().value()).filter(code -> !fresh.contains(code)).sorted().toList();
    }

    /**
     * The file the landscape goes to beside the divisions' file: {@code city.geojson} →
     * {@code city.landscape.geojson}.
     */
    static Path landscapeFile(Path divisions) {
        String name = divisions.getFileName().toString();
        String stem = name.endsWith(".geojson") ? name.substring(0, name.length() - ".geojson".length()) : name;
        return divisions.resolveSibling(stem + ".landscape.geojson");
    }

    /**
     * Writes the divisions (with their level and parent) as a FeatureCollection that
     * {@code ./megacity geo import} accepts, and the landscape into {@link #landscapeFile}.
     */
    static void write(GeneratedCity city, Path file) throws IOException {
        writeAtomically(file, geojson -> {
            for (Division d : city.divisions()) {
                Map<String, Object> properties = new LinkedHashMap<>();
                properties.put("code", d.code().value());
                properties.put("level", d.level().nameEn());
                properties.put("parent", d.code().parent().map(Object::toString).orElse(null));
                properties.put("name", d.name());
                properties.put("nameEn", d.nameEn());
                geojson.feature(d.code().value(), properties, d.boundary());
            }
        });
        writeAtomically(landscapeFile(file), geojson -> {
            for (LandscapeFeature f : city.landscape()) {
                Map<String, Object> properties = new LinkedHashMap<>();
                properties.put("kind", f.kind().id());
                properties.put("name", f.name());
                properties.put("nameEn", f.nameEn());
                geojson.feature(f.id(), properties, f.geometry());
            }
        });
    }

    private static void writeAtomically(Path file, java.util.function.Consumer<GeoJsonOutput> content)
            throws IOException {
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".citymodel", ".tmp");
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
             GeoJsonOutput geojson = new GeoJsonOutput(stream, -1)) {
            content.accept(geojson);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
