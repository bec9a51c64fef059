package org.megacity.assets.internal.cli;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.megacity.assets.internal.AssetImports;
import org.megacity.assets.internal.geojson.AssetFeatures;
import org.megacity.assets.internal.geojson.AssetFileReader;
import org.megacity.platform.CliCommand;
import org.springframework.stereotype.Component;

/** {@code ./megacity assets import [--data DIR] FILE}: a GeoJSON FeatureCollection, or components as {@code .csv}; all or nothing. */
@Component
class AssetsImportCommand implements CliCommand {

    private final AssetImports imports;

    AssetsImportCommand(AssetImports imports) {
        this.imports = imports;
    }

    @Override
    public String name() {
        return "assets import";
    }

    @Override
    public String summary() {
        return "Import assets from a GeoJSON FeatureCollection (or components from CSV), all or nothing";
    }

    @Override
    public String synopsis() {
        return "[--data DIR] FILE(.geojson|.json|.csv)";
    }

    @Override
    public int run(Invocation invocation) throws Exception {
        Path file = Path.of(invocation.argument(0, "FILE (a GeoJSON FeatureCollection or a components CSV)"));
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file);
        }
        long start = System.nanoTime();
        AssetFileReader.Parsed parsed;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            parsed = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")
                    ? AssetFileReader.componentsCsv(in) : AssetFileReader.geoJson(in);
        }
        AssetImports.Outcome outcome = imports.store(parsed);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (outcome.ok()) {
            invocation.out().printf("imported %s: %s (%d replaced) in %.1f s%n", file, outcome.stored(),
                    outcome.replaced(), seconds);
            return 0;
        }
        invocation.err().printf("rejected %s, nothing was stored (%d problems):%n", file,
                outcome.problems().size() + outcome.problemsNotListed());
        for (AssetFeatures.Problem p : outcome.problems()) {
            invocation.err().println("  " + p.where() + ": " + p.message());
        }
        if (outcome.problemsNotListed() > 0) {
            invocation.err().println("  ... and " + outcome.problemsNotListed() + " more");
        }
        return 2;
    }
}
