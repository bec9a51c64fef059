package org.megacity.citymodel.internal;

import java.io.PrintStream;
import org.megacity.citymodel.CityScale;
import org.megacity.citymodel.generation.CityGenerator;
import org.megacity.citymodel.generation.ConsoleProgress;
import org.megacity.citymodel.generation.GeneratedCity;
import org.megacity.geo.DivisionLevel;
import org.megacity.geo.Geography;
import org.megacity.organization.CentreLevel;
import org.megacity.organization.OperationCentres;
import org.megacity.organization.Organization;
import org.megacity.platform.PlatformSettings;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code ./megacity demo}: before the server reports ready, generates the demo city into an empty
 * database with its progress on standard output, or finds the city already there and leaves it. Runs
 * only in server mode with {@code megacity.demo.enabled=true}. A city the geography rejects stops the
 * start, with the problems listed.
 */
@Component
@Order(100)
class DemoStartup implements ApplicationRunner {

    private static final int PROBLEMS_SHOWN = 20;

    private final DemoSettings demo;
    private final PlatformSettings platform;
    private final Geography geography;
    private final CityLoading loading;
    private final Organization organization;
    private final OperationCentres centres;

    DemoStartup(DemoSettings demo, PlatformSettings platform, Geography geography, CityLoading loading,
            Organization organization, OperationCentres centres) {
        this.demo = demo;
        this.platform = platform;
        this.geography = geography;
        this.loading = loading;
        this.organization = organization;
        this.centres = centres;
    }

    @Override
    public void run(ApplicationArguments args) {
        PrintStream out = System.out;
        if (!demo.enabled() || !("server".equals(platform.mode()) || "test".equals(platform.mode()))) {
            return;
        }
        int districts = geography.count(DivisionLevel.DISTRICT);
        if (districts > 0) {
            out.printf("citymodel: the database holds a city already (%,d districts, %,d streets, %,d communities,"
                            + " %,d grids); not generating%n", districts, geography.count(DivisionLevel.STREET),
                    geography.count(DivisionLevel.COMMUNITY), geography.count(DivisionLevel.GRID));
            if (centres.count(CentreLevel.CITY) == 0) {
                organization.replaceWith(DemoOrganization.of(geography.divisions(DivisionLevel.DISTRICT, null),
                        geography.divisions(DivisionLevel.STREET, null)));
                out.println("citymodel: the organization was missing; derived it from the divisions");
            }
            return;
        }
        generateAndLoad(out);
    }

    private void generateAndLoad(PrintStream out) {
        CityScale scale = demo.cityScale();
        ConsoleProgress progress = new ConsoleProgress(out);
        progress.say("generating the " + scale.id() + " demo city (seed " + demo.seed() + ")");
        GeneratedCity city = new CityGenerator().generate(scale, demo.seed(), progress);
        double generated = progress.seconds();
        progress.say(String.format("generated %,d districts, %,d streets, %,d communities, %,d grids in %.1f s",
                city.districts().size(), city.streets().size(), city.communities().size(), city.grids().size(),
                generated));
        progress.phase("importing", city.divisions().size());
        String importing = String.format("importing: the geography validates and stores %,d divisions and grids,"
                + " then the organization and the rivers …", city.divisions().size());
        try (ConsoleProgress.Heartbeat beat = progress.heartbeat(importing, 5)) {
            CityLoading.Loaded loaded = loading.load(city);
            progress.advance(city.divisions().size());
            progress.say(String.format("the city is loaded: %,d divisions and grids, %d departments, %,d centres"
                            + " (generation %.1f s, import %.1f s)", loaded.divisions(), loaded.departments(),
                    loaded.centres(), generated, progress.seconds() - generated));
        } catch (CityLoading.CityRejected rejected) {
            out.println("citymodel: the geography rejected the generated city; nothing was stored:");
            rejected.problems().stream().limit(PROBLEMS_SHOWN)
                    .forEach(p -> out.println("  " + p.feature() + ": " + p.message()));
            if (rejected.problems().size() > PROBLEMS_SHOWN) {
                out.printf("  … and %,d more%n", rejected.problems().size() - PROBLEMS_SHOWN);
            }
            throw new IllegalStateException(rejected.getMessage(), rejected);
        }
    }
}
