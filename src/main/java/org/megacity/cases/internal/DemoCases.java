package org.megacity.cases.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Point;
import org.megacity.cases.Channel;
import org.megacity.geo.Division;
import org.megacity.geo.DivisionLevel;
import org.megacity.geo.Geography;
import org.megacity.identity.Actor;
import org.megacity.platform.PlatformSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code ./megacity demo}: when the database holds no case, about 300 cases of the last four weeks
 * spread over the city, from every channel, taken as far through their lifecycle as their age makes
 * likely (some overdue and escalated), on a background thread so the start is not slowed. A restart
 * finds cases and does nothing.
 */
@Component
@Order(300)
class DemoCases implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);
    static final int COUNT = 300;
    static final List<String> STEPS = List.of("file", "dispatch", "accept", "handle", "verify", "close", "evaluate");

    private final CaseService cases;
    private final Geography geography;
    private final JdbcClient jdbc;
    private final PlatformSettings platform;
    private final boolean enabled;

    DemoCases(CaseService cases, Geography geography, JdbcClient jdbc, PlatformSettings platform,
            @Value("${megacity.demo.enabled:false}") boolean enabled) {
        this.cases = cases;
        this.geography = geography;
        this.jdbc = jdbc;
        this.platform = platform;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || !"server".equals(platform.mode())) {
            return;
        }
        if (jdbc.sql("select count(*) from cases_case").query(Long.class).single() > 0
                || geography.count(DivisionLevel.DISTRICT) == 0) {
            return;
        }
        Thread.ofVirtual().name("demo-cases").start(this::seed);
    }

    void seed() {
        long start = System.nanoTime();
        try {
            Random random = new Random(20241129);
            List<Division> streets = geography.divisions(DivisionLevel.STREET, null);
            List<Category> categories = cases.catalogue().categories();
            Instant now = cases.now();
            int made = 0;
            for (int i = 0; i < COUNT; i++) {
                Division street = streets.get(random.nextInt(streets.size()));
                List<Division> grids = geography.gridsIn(street.boundary().getEnvelopeInternal()).stream()
                        .filter(g -> g.code().value().startsWith(street.code().value())).toList();
                if (grids.isEmpty()) {
                    continue;
                }
                Point p = grids.get(random.nextInt(grids.size())).boundary().getInteriorPoint();
                Category category = categories.get(random.nextInt(categories.size()));
                double r = random.nextDouble();
                Channel channel = r < 0.5 ? Channel.HOTLINE : r < 0.8 ? Channel.INSPECTOR : r < 0.95 ? Channel.CITIZEN : Channel.SENSOR;
                Instant reported = now.minus(Duration.ofMinutes(random.nextInt(28 * 24 * 60)));
                double ageDays = Duration.between(reported, now).toHours() / 24.0;
                int steps = Math.min(STEPS.size(), (int) Math.round(ageDays / 2 + random.nextGaussian() * 1.5));
                int n = i;
                CaseFile c = cases.at(reported, () -> cases.create(Actor.SYSTEM, new CaseService.NewCase(channel,
                        category.code(), channel == Channel.HOTLINE ? pick(random) : null, null, category.name() + "（演示）",
                        null, p.getX(), p.getY(), null, channel == Channel.SENSOR ? "demo-sensor-" + n : "demo",
                        channel == Channel.HOTLINE ? "市民" + n : null,
                        channel == Channel.HOTLINE ? "13" + (100000000 + random.nextInt(899999999)) : null, null)));
                Instant at = reported;
                for (int s = 0; s < steps; s++) {
                    at = at.plus(Duration.ofMinutes(20 + random.nextInt(s == 3 ? 3000 : 600)));
                    if (at.isAfter(now)) {
                        break;
                    }
                    String action = STEPS.get(s);
                    Instant when = at;
                    int satisfaction = 3 + random.nextInt(3);
                    cases.at(when, () -> cases.act(Actor.SYSTEM, c.id, action, new CaseService.ActionInput(null,
                            "现场已处置，照片存档", null, null, null, satisfaction, null)));
                }
                made++;
            }
            int escalated = cases.escalateOverdue();
            log.info("demo cases: {} cases, {} escalated, in {} ms", made, escalated, (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("demo cases stopped: {}", e.getMessage());
        }
    }

    private static String pick(Random random) {
        String[] types = {"consultation", "help-request", "suggestion", "complaint", "urgent-complaint"};
        return types[random.nextInt(types.length)];
    }
}
