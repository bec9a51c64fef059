package org.megacity.geo.internal.cli;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.megacity.geo.ImportOutcome;
import org.megacity.geo.internal.GeographyService;
import org.megacity.geo.internal.GeographyService.GeoJsonImport;
import org.megacity.geo.internal.geojson.Winding;
import org.megacity.platform.CliCommand;
import org.springframework.stereotype.Component;

/** {@code ./megacity geo import [--data DIR] [--lenient-winding] FILE}: a GeoJSON FeatureCollection, all or nothing. */
@Component
class GeoImportCommand implements CliCommand {

    private final GeographyService geography;

    GeoImportCommand(GeographyService geography) {
        this.geography = geography;
    }

    @Override
    public String name() {
        return "geo import";
    }

    @Override
    public String summary() {
        return "Import divisions and grids from a GeoJSON FeatureCollection (all or nothing)";
    }

    @Override
    public String synopsis() {
        return "[--data DIR] [--lenient-winding] FILE";
    }

    @Override
    public int run(Invocation invocation) throws Exception {
        Path file = Path.of(invocation.argument(0, "FILE (a GeoJSON FeatureCollection)"));
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file);
        }
        Winding winding = invocation.line().flag("lenient-winding") ? Winding.LENIENT : Winding.STRICT;
        long start = System.nanoTime();
        GeoJsonImport result;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            result = geography.importGeoJson(in, winding);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        switch (result.outcome()) {
            case ImportOutcome.Imported imported -> {
                invocation.out().printf("imported %s: %d created, %d replaced in %.1f s%n", file, imported.created(),
                        imported.replaced(), millis / 1000.0);
                return 0;
            }
            case ImportOutcome.Rejected rejected -> {
                invocation.err().printf("rejected %s, nothing was stored (%d problems):%n", file,
                        rejected.problems().size() + result.problemsNotListed());
                for (ImportOutcome.Problem p : rejected.problems()) {
                    invocation.err().println("  " + p.feature() + ": " + p.message());
                }
                if (result.problemsNotListed() > 0) {
                    invocation.err().println("  ... and " + result.problemsNotListed() + " more");
                }
                return 2;
            }
        }
    }
}
