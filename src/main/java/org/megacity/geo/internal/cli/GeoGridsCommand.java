package org.megacity.geo.internal.cli;

import java.util.List;
import org.megacity.geo.Division;
import org.megacity.geo.DivisionCode;
import org.megacity.geo.DivisionLevel;
import org.megacity.geo.GridLayout;
import org.megacity.geo.ImportOutcome;
import org.megacity.geo.internal.GeographyService;
import org.megacity.platform.CliCommand;
import org.springframework.stereotype.Component;

/** {@code ./megacity geo grids [--data DIR] COMMUNITY [--cell-area M2]}: lay grids over a community without any. */
@Component
class GeoGridsCommand implements CliCommand {

    private final GeographyService geography;

    GeoGridsCommand(GeographyService geography) {
        this.geography = geography;
    }

    @Override
    public String name() {
        return "geo grids";
    }

    @Override
    public String summary() {
        return "Lay unit grids (about 10,000 m² each) over a community that has none";
    }

    @Override
    public String synopsis() {
        return "[--data DIR] COMMUNITY [--cell-area M2]";
    }

    @Override
    public int run(Invocation invocation) throws Exception {
        DivisionCode code = DivisionCode.of(invocation.argument(0, "COMMUNITY (a 12-digit code)"));
        if (code.level() != DivisionLevel.COMMUNITY) {
            throw new IllegalArgumentException(code + " is a " + code.level().nameEn() + "; grids are laid over communities");
        }
        double cellArea = invocation.line().option("cell-area").map(Double::parseDouble)
                .orElse(GridLayout.STANDARD_CELL_SQUARE_METRES);
        Division community = geography.atlas().division(code.value())
                .orElseThrow(() -> new IllegalArgumentException("no community " + code));
        if (!geography.atlas().children(code.value()).isEmpty()) {
            invocation.err().println("community " + code + " has grids already; nothing was changed");
            return 1;
        }
        List<Division> grids = GridLayout.cover(community, cellArea);
        return switch (geography.importDivisions(grids)) {
            case ImportOutcome.Imported imported -> {
                invocation.out().printf("laid %d grids over %s (%s to %s)%n", imported.created(), code,
                        grids.get(0).code(), grids.get(grids.size() - 1).code());
                yield 0;
            }
            case ImportOutcome.Rejected rejected -> {
                rejected.problems().forEach(p -> invocation.err().println("  " + p.feature() + ": " + p.message()));
                yield 2;
            }
        };
    }
}
