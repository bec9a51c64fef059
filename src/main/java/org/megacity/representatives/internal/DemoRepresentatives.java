package org.megacity.representatives.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.megacity.identity.Actor;
import org.megacity.identity.Jurisdiction;
import org.megacity.identity.Role;
import org.megacity.organization.Department;
import org.megacity.organization.Departments;
import org.megacity.platform.PlatformSettings;
import org.megacity.worktime.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code ./megacity demo}: when the registry is empty, three deputies, a liaison station with a
 * duty rota, two contact points and four suggestions at different stages (submitted, assigned,
 * replied, closed), seeded in the background after the start so that it does not slow it. The
 * demo deputies have no accounts (the account binding is made by legislative staff).
 */
@Component
class DemoRepresentatives {

    private static final Logger log = LoggerFactory.getLogger(DemoRepresentatives.class);

    private final Registry registry;
    private final Suggestions suggestions;
    private final Departments departments;
    private final WorkingCalendar calendar;
    private final JdbcClient jdbc;
    private final PlatformSettings platform;
    private final boolean enabled;

    DemoRepresentatives(Registry registry, Suggestions suggestions, Departments departments, WorkingCalendar calendar,
            JdbcClient jdbc,
            PlatformSettings platform, @Value("${megacity.demo.enabled:false}") boolean enabled) {
        this.registry = registry;
        this.suggestions = suggestions;
        this.departments = departments;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.platform = platform;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (!enabled || !"server".equals(platform.mode())) {
            return;
        }
        Thread.ofVirtual().name("demo-representatives").start(() -> {
            try {
                seed();
            } catch (RuntimeException e) {
                log.warn("representatives demo data not seeded: {}", e.toString());
            }
        });
    }

    /** Seeds the demo registry and suggestions when the registry is empty; returns whether it did. */
    boolean seed() {
        if (jdbc.sql("select count(*) from rep_deputy").query(Long.class).single() > 0) {
            return false;
        }
        long start = System.nanoTime();
        var li = registry.addDeputy("李明华", "CITY", "500103", "渝中区代表团", "13812341234", "liminghua@example.com", "demo.deputy");
        var wang = registry.addDeputy("王芳", "CITY", "500105", "江北区代表团", "13900001111", null, null);
        registry.addDeputy("陈建国", "DISTRICT", "500103001", "渝中区人大", "13600002222", null, null);
        var station = registry.addStation("解放碑街道人大代表联络站", "500103001", "渝中区民族路", 106.5770, 29.5590);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        registry.putOnDuty(station.id(), today, li.id());
        registry.putOnDuty(station.id(), today.plusDays(7), wang.id());
        registry.addContactPoint("渝中区解放碑街道基层立法联系点", "CITY", "500103001", "渝中区解放碑", 106.5775, 29.5585, List.of());
        registry.addContactPoint("江北区观音桥街道基层立法联系点", "DISTRICT", "500105002", "江北区观音桥", 106.5320, 29.5750, List.of());
        List<Department> units = departments.all();
        // the suggestions are dated where the published calendars cover their 6-month deadlines
        int year = Math.min(today.getYear(), calendar.years().last());
        Instant at = ZonedDateTime.of(year, 3, 2, 10, 0, 0, 0, calendar.zone()).toInstant();
        if (units.size() >= 2) {
            String lead = units.get(0).code().value();
            String co = units.get(1).code().value();
            Actor deputy = new Actor("demo", "demo.deputy", Set.of(Role.DEPUTY), Jurisdiction.NONE);
            Actor staff = new Actor("demo", "demo.staff", Set.of(Role.LEGISLATIVE_STAFF), Jurisdiction.CITYWIDE);
            Actor handler = new Actor("demo", "demo.handler", Set.of(Role.DEPARTMENT_HANDLER),
                    new Jurisdiction(false, Set.of(), Set.of(lead, co)));
            suggestions.submitAt(deputy, new Suggestions.Submission("关于优化解放碑地区停车管理的建议",
                    "建议增设智慧停车诱导系统。", "交通", false, List.of(wang.id()), null), at);
            var a = suggestions.submitAt(deputy, new Suggestions.Submission("关于加快老旧小区供水管网改造的建议",
                    "部分老旧小区供水管网老化，爆管频发。", "城市建设", true, List.of(), lead), at);
            suggestions.actAt(staff, a.id, "assign", input(a.version, lead, List.of(co), null, null, null), at);
            var b = suggestions.submitAt(deputy, new Suggestions.Submission("关于增设社区养老服务站的建议",
                    "社区养老服务设施不足。", "民生", false, List.of(), null), at);
            b = suggestions.actAt(staff, b.id, "assign", input(b.version, lead, List.of(), null, null, null), at);
            b = suggestions.actAt(handler, b.id, "contact", input(b.version, null, null, null, null, "电话沟通"), at);
            suggestions.actAt(handler, b.id, "reply", input(b.version, null, null, "PLANNED", LocalDate.of(year, 12, 31).toString(),
                    "已列入明年民生实事计划"), at);
            var c = suggestions.submitAt(deputy, new Suggestions.Submission("关于规范共享单车停放的建议",
                    "共享单车乱停放影响通行。", "城市管理", false, List.of(), null), at);
            c = suggestions.actAt(staff, c.id, "assign", input(c.version, lead, List.of(), null, null, null), at);
            c = suggestions.actAt(handler, c.id, "contact", input(c.version, null, null, null, null, "座谈"), at);
            c = suggestions.actAt(handler, c.id, "reply", input(c.version, null, null, "SOLVED", null, "已划定停放区"), at);
            suggestions.actAt(deputy, c.id, "evaluate", new Suggestions.ActionInput(c.version, null, null, null, null, null,
                    null, null, null, "SATISFIED", null), at);
        }
        log.info("representatives demo: 3 deputies, 1 station, 2 contact points, suggestions seeded in {} ms",
                (System.nanoTime() - start) / 1_000_000);
        return true;
    }

    private static Suggestions.ActionInput input(int version, String lead, List<String> co, String category,
            String planned, String text) {
        return new Suggestions.ActionInput(version, lead, co, false, text, text, category, planned, text, null, text);
    }
}
