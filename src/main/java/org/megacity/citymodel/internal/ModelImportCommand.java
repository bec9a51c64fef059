package org.megacity.citymodel.internal;

import java.nio.file.Path;
import org.megacity.citymodel.bundle.BundleProblem;
import org.megacity.platform.CliCommand;
import org.springframework.stereotype.Component;

/**
 * {@code ./megacity model import [--data DIR] IN}: a bundle into an empty instance, all or nothing;
 * every problem is listed with its file, line and JSON pointer.
 */
@Component
class ModelImportCommand implements CliCommand {

    private final CityModels models;

    ModelImportCommand(CityModels models) {
        this.models = models;
    }

    @Override
    public String name() {
        return "model import";
    }

    @Override
    public String summary() {
        return "Import a city model bundle into an empty instance (checked first, all or nothing)";
    }

    @Override
    public String synopsis() {
        return "[--data DIR] IN (a bundle directory)";
    }

    @Override
    public int run(Invocation invocation) throws Exception {
        Path in = Path.of(invocation.argument(0, "IN (a bundle directory)")).toAbsolutePath().normalize();
        var err = invocation.err();
        CityModels.ImportResult result;
        try {
            result = models.importFrom(in);
        } catch (CityModels.DivisionsRejected rejected) {
            err.println("megacity model import: " + rejected.getMessage() + "; nothing was imported:");
            rejected.problems().forEach(p -> err.println("  divisions.geojson (feature " + p.feature() + "): " + p.message()));
            return 2;
        }
        return switch (result) {
            case CityModels.NotEmpty notEmpty -> {
                err.println("megacity model import: " + notEmpty.reason() + "; nothing was imported");
                yield 1;
            }
            case CityModels.Refused refused -> {
                err.printf("megacity model import: %s has %d problem(s); nothing was imported:%n", in,
                        refused.problems().size());
                for (BundleProblem p : refused.problems()) {
                    err.println("  " + p);
                }
                yield 2;
            }
            case CityModels.Imported imported -> {
                invocation.out().printf("imported %s: %,d divisions and grids, %d departments, %,d centres,"
                                + " %d case categories, %d calendar years, %d alert rules%n", in, imported.divisions(),
                        imported.departments(), imported.centres(), imported.categories(), imported.calendarYears(),
                        imported.alertRules());
                yield 0;
            }
        };
    }
}
