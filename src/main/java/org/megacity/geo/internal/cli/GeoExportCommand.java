package org.megacity.geo.internal.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.megacity.geo.Division;
import org.megacity.geo.DivisionCode;
import org.megacity.geo.DivisionLevel;
import org.megacity.geo.internal.GeographyService;
import org.megacity.geo.internal.geojson.GeoJsonWriter;
import org.megacity.geo.internal.web.Exports;
import org.megacity.platform.CliCommand;
import org.springframework.stereotype.Component;

/** {@code ./megacity geo export [--data DIR] [--level L] [--parent CODE] FILE}. */
@Component
class GeoExportCommand implements CliCommand {

    private final GeographyService geography;

    GeoExportCommand(GeographyService geography) {
        this.geography = geography;
    }

    @Override
    public String name() {
        return "geo export";
    }

    @Override
    public String summary() {
        return "Export divisions and grids as a GeoJSON FeatureCollection (RFC 7946)";
    }

    @Override
    public String synopsis() {
        return "[--data DIR] [--level district|street|community|grid] [--parent CODE] FILE";
    }

    @Override
    public int run(Invocation invocation) throws Exception {
        Path file = Path.of(invocation.argument(0, "FILE (where to write the GeoJSON)"));
        DivisionLevel level = invocation.line().option("level").map(DivisionLevel::parse).orElse(null);
        DivisionCode parent = invocation.line().option("parent").map(DivisionCode::of).orElse(null);
        if (parent != null && geography.atlas().division(parent.value()).isEmpty()) {
            throw new IllegalArgumentException("no division " + parent);
        }
        List<Division> selected = Exports.select(geography.atlas(), level, parent);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            GeoJsonWriter.write(out, selected);
        }
        invocation.out().printf("exported %d divisions to %s%n", selected.size(), file);
        return 0;
    }
}
