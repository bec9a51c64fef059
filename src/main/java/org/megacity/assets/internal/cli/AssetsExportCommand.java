package org.megacity.assets.internal.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.megacity.assets.AssetType;
import org.megacity.assets.internal.AssetRegistryService;
import org.megacity.assets.internal.geojson.AssetWriter;
import org.megacity.platform.CliCommand;
import org.springframework.stereotype.Component;

/** {@code ./megacity assets export [--data DIR] LAYER FILE}: a layer as GeoJSON, or components as CSV when FILE ends in .csv. */
@Component
class AssetsExportCommand implements CliCommand {

    private final AssetRegistryService registry;

    AssetsExportCommand(AssetRegistryService registry) {
        this.registry = registry;
    }

    @Override
    public String name() {
        return "assets export";
    }

    @Override
    public String summary() {
        return "Export an asset layer as GeoJSON (components also as CSV)";
    }

    @Override
    public String synopsis() {
        return "[--data DIR] pipe-nodes|pipe-segments|parks|parcels|renewal-projects|components FILE";
    }

    @Override
    public int run(Invocation invocation) throws Exception {
        String layer = invocation.argument(0, "LAYER");
        AssetType type = AssetType.byId(layer).orElseThrow(() -> new IllegalArgumentException("unknown layer '" + layer
                + "' (pipe-nodes, pipe-segments, parks, parcels, renewal-projects, components)"));
        Path file = Path.of(invocation.argument(1, "FILE (where to write)"));
        boolean csv = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
        if (csv && type != AssetType.COMPONENT) {
            throw new IllegalArgumentException("CSV is offered for components only");
        }
        registry.awaitLoaded();
        var snapshot = registry.snapshot();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            if (csv) {
                AssetWriter.componentsCsv(out, snapshot.components());
            } else {
                AssetWriter.geoJson(out, snapshot.layer(type));
            }
        }
        invocation.out().printf("exported %,d %s to %s%n", snapshot.layer(type).size(), type.id(), file);
        return 0;
    }
}
