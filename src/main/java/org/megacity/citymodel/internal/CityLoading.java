package org.megacity.citymodel.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.megacity.citymodel.generation.GeneratedCity;
import org.megacity.geo.Geography;
import org.megacity.geo.ImportOutcome;
import org.megacity.organization.Organization;
import org.megacity.organization.OrganizationChart;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a generated city into the database, all or nothing: its divisions and grids (through
 * {@link Geography#importDivisions}, which validates them), its landscape, and its organization.
 */
@Service
class CityLoading {

    /** The city was refused by the geography's validation; nothing was stored. */
    static final class CityRejected extends RuntimeException {
        private final List<ImportOutcome.Problem> problems;

        CityRejected(List<ImportOutcome.Problem> problems) {
            super("the generated city was rejected: " + problems.size() + " problem(s), first: "
                    + (problems.isEmpty() ? "none given" : problems.get(0).feature() + ": " + problems.get(0).message()));
            this.problems = List.copyOf(problems);
        }

        List<ImportOutcome.Problem> problems() {
            return problems;
        }
    }

    /** What was loaded. */
    record Loaded(int divisions, int departments, int centres) {
    }

    private final Geography geography;
    private final JdbcLandscape landscape;
    private final Organization organization;
    private final JdbcClient jdbc;

    CityLoading(Geography geography, JdbcLandscape landscape, Organization organization, JdbcClient jdbc) {
        this.geography = geography;
        this.landscape = landscape;
        this.organization = organization;
        this.jdbc = jdbc;
    }

    /**
     * Stores the city in one transaction.
     *
     * @throws CityRejected when the geography refuses the divisions (nothing is stored)
     */
    @Transactional
    public Loaded load(GeneratedCity city) {
        ImportOutcome outcome = geography.importDivisions(city.divisions());
        if (outcome instanceof ImportOutcome.Rejected rejected) {
            throw new CityRejected(rejected.problems());
        }
        landscape.replaceWith(city.landscape());
        OrganizationChart chart = DemoOrganization.of(city.name(), city.nameEn(), city.districts(), city.streets());
        organization.replaceWith(chart);
        long id = jdbc.sql("select coalesce(max(id), 0) + 1 from citymodel_generation").query(Long.class).single();
        jdbc.sql("insert into citymodel_generation (id, scale, seed, districts, streets, communities, grids, generated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, city.scale().id(), city.seed(), city.districts().size(), city.streets().size(),
                        city.communities().size(), city.grids().size(), OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        return new Loaded(city.divisions().size(), chart.departments().size(), chart.centres().size());
    }
}
