package org.megacity.citymodel.internal;

import java.nio.file.Path;
import java.util.List;
import org.megacity.citymodel.bundle.BundleProblem;
import org.megacity.citymodel.bundle.BundleReader;
import org.megacity.citymodel.bundle.CityModel;
import org.megacity.citymodel.bundle.ModelDiff;
import org.megacity.platform.CliCommand;
import org.springframework.stereotype.Component;

/** {@code ./megacity model diff [--json] A B}: what city B does differently from city A. */
@Component
class ModelDiffCommand implements CliCommand {

    private final CityModels models;

    ModelDiffCommand(CityModels models) {
        this.models = models;
    }

    @Override
    public String name() {
        return "model diff";
    }

    @Override
    public String summary() {
        return "Compare two city model bundles: categories, time limits, routing, calendar, alert rules, divisions";
    }

    @Override
    public String synopsis() {
        return "[--json] A B (two bundle directories)";
    }

    @Override
    public int run(Invocation invocation) throws Exception {
        Path a = Path.of(invocation.argument(0, "A (a bundle directory)"));
        Path b = Path.of(invocation.argument(1, "B (a bundle directory)"));
        CityModel ma = read(a, invocation);
        CityModel mb = read(b, invocation);
        if (ma == null || mb == null) {
            return 2;
        }
        List<ModelDiff.Section> sections = ModelDiff.between(ma, mb);
        String la = label(ma, a);
        String lb = label(mb, b);
        invocation.out().print(invocation.line().flag("json") ? ModelDiff.json(sections, la, lb)
                : ModelDiff.text(sections, la, lb));
        return 0;
    }

    private static String label(CityModel model, Path dir) {
        String name = model.name().isEmpty() ? "" : model.name() + " / " + model.nameEn() + " ";
        return name + "(" + dir + ")";
    }

    private CityModel read(Path dir, Invocation invocation) throws java.io.IOException {
        BundleReader.Reading reading = models.read(dir);
        if (!reading.clean()) {
            invocation.err().printf("megacity model diff: %s has %d problem(s):%n", dir, reading.problems().size());
            for (BundleProblem p : reading.problems()) {
                invocation.err().println("  " + p);
            }
            return null;
        }
        return reading.model();
    }
}
