package org.megacity.citymodel.internal;

import java.nio.file.Path;
import java.util.List;
import org.megacity.platform.CliCommand;
import org.springframework.stereotype.Component;

/** {@code ./megacity model export [--data DIR] OUT}: the city's whole configuration as a bundle directory. */
@Component
class ModelExportCommand implements CliCommand {

    private final CityModels models;

    ModelExportCommand(CityModels models) {
        this.models = models;
    }

    @Override
    public String name() {
        return "model export";
    }

    @Override
    public String summary() {
        return "Export the city's configuration (divisions, organization, case catalogue, calendar, alert rules, roles,"
                + " permission table) as a versioned bundle directory";
    }

    @Override
    public String synopsis() {
        return "[--data DIR] OUT (a new or empty directory)";
    }

    @Override
    public int run(Invocation invocation) throws Exception {
        Path out = Path.of(invocation.argument(0, "OUT (a new or empty directory for the bundle)")).toAbsolutePath().normalize();
        List<Path> files;
        try {
            files = models.export(out);
        } catch (IllegalArgumentException e) {
            invocation.err().println("megacity model export: " + e.getMessage());
            return 2;
        }
        var model = models.current();
        invocation.out().printf("exported the city model of %s to %s: %,d divisions and grids, %d departments, %,d centres,"
                        + " %d case categories, %d calendar years, %d alert rules (%d files)%n",
                model.nameEn().isEmpty() ? "the city" : model.nameEn(), out, model.divisions().size(),
                model.organization().departments().size(), model.organization().centres().size(),
                model.catalogue().categories().size(), model.calendar().size(), model.alertRules().size(), files.size());
        int overrides = models.assetRuleOverrides();
        if (overrides > 0) {
            invocation.out().printf("left out %d per-asset alert rule override(s): they belong to assets, not to the"
                    + " city model%n", overrides);
        }
        return 0;
    }
}
