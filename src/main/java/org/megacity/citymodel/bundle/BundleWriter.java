package org.megacity.citymodel.bundle;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.megacity.cases.CatalogueDefinition;
import org.megacity.geo.DivisionsGeoJson;
import org.megacity.identity.Role;
import org.megacity.legislation.PriorityArea;
import org.megacity.organization.Department;
import org.megacity.organization.DepartmentBranch;
import org.megacity.organization.OperationCentre;
import org.megacity.telemetry.AlertRuleDefinition;
import org.megacity.worktime.CalendarYearDefinition;

/** Writes a {@link CityModel} as a bundle directory: the files, then the manifest with their checksums. */
public final class BundleWriter {

    private final DivisionsGeoJson geojson;

    public BundleWriter(DivisionsGeoJson geojson) {
        this.geojson = geojson;
    }

    /**
     * Writes the bundle into {@code dir}, which must be empty or not exist.
     *
     * @return the files written, the manifest last
     */
    public List<Path> write(CityModel model, Path dir, Instant exportedAt) throws IOException {
        Files.createDirectories(dir);
        try (var entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                throw new IllegalArgumentException(dir + " is not empty; a bundle is written into a new or empty directory");
            }
        }
        List<Path> written = new ArrayList<>();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(BundleFormat.DIVISIONS)), 1 << 16)) {
            geojson.write(out, model.divisions());
        }
        written.add(dir.resolve(BundleFormat.DIVISIONS));
        Map<String, Object> contents = new LinkedHashMap<>();
        contents.put(BundleFormat.ORGANIZATION, organization(model));
        contents.put(BundleFormat.CATALOGUE, catalogue(model.catalogue()));
        contents.put(BundleFormat.CALENDAR, calendar(model));
        contents.put(BundleFormat.ALERT_RULES, rules(model.alertRules()));
        contents.put(BundleFormat.ROLES, roles(model.roles()));
        contents.put(BundleFormat.PRIORITY_AREAS, areas(model.priorityAreas()));
        for (Map.Entry<String, Object> e : contents.entrySet()) {
            Path file = dir.resolve(e.getKey());
            Files.writeString(file, JsonText.write(e.getValue()), StandardCharsets.UTF_8);
            written.add(file);
        }
        Path permissions = dir.resolve(BundleFormat.PERMISSIONS);
        Files.writeString(permissions, model.permissions().csv(), StandardCharsets.UTF_8);
        written.add(permissions);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", BundleFormat.FORMAT);
        manifest.put("version", BundleFormat.VERSION);
        Map<String, Object> city = new LinkedHashMap<>();
        city.put("name", model.name());
        city.put("nameEn", model.nameEn());
        manifest.put("city", city);
        manifest.put("exportedAt", exportedAt.toString());
        List<Object> files = new ArrayList<>();
        for (Path file : written) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", file.getFileName().toString());
            entry.put("sha256", sha256(file));
            entry.put("bytes", Files.size(file));
            files.add(entry);
        }
        manifest.put("files", files);
        Path manifestFile = dir.resolve(BundleFormat.MANIFEST);
        Files.writeString(manifestFile, JsonText.write(manifest), StandardCharsets.UTF_8);
        written.add(manifestFile);
        return written;
    }

    /** The SHA-256 of a file's bytes, in lower-case hex. */
    static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> organization(CityModel model) {
        List<Object> departments = new ArrayList<>();
        for (Department d : model.organization().departments()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", d.code().value());
            m.put("name", d.name());
            m.put("nameEn", d.nameEn());
            m.put("kind", d.kind().id());
            List<Object> branches = new ArrayList<>();
            for (DepartmentBranch b : d.branches()) {
                Map<String, Object> bm = new LinkedHashMap<>();
                bm.put("district", b.district().value());
                bm.put("name", b.name());
                bm.put("nameEn", b.nameEn());
                branches.add(bm);
            }
            m.put("branches", branches);
            departments.add(m);
        }
        List<Object> centres = new ArrayList<>();
        for (OperationCentre c : model.organization().centres()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("level", c.level().id());
            m.put("division", c.division() == null ? null : c.division().value());
            m.put("name", c.name());
            m.put("nameEn", c.nameEn());
            centres.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("departments", departments);
        out.put("centres", centres);
        return out;
    }

    static Map<String, Object> catalogue(CatalogueDefinition catalogue) {
        List<Object> categories = new ArrayList<>();
        for (CatalogueDefinition.Category c : catalogue.categories()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", c.code());
            m.put("kind", c.kind());
            m.put("major", c.major());
            m.put("majorName", c.majorName());
            m.put("majorNameEn", c.majorNameEn());
            m.put("name", c.name());
            m.put("nameEn", c.nameEn());
            m.put("department", c.department());
            m.put("dispatch", c.dispatch());
            m.put("handle", c.handle());
            m.put("verify", c.verify());
            categories.add(m);
        }
        List<Object> types = new ArrayList<>();
        for (CatalogueDefinition.HotlineType t : catalogue.hotlineTypes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", t.code());
            m.put("name", t.name());
            m.put("nameEn", t.nameEn());
            m.put("handle", t.handle());
            types.add(m);
        }
        List<Object> overrides = new ArrayList<>();
        for (CatalogueDefinition.RoutingOverride o : catalogue.routingOverrides()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("district", o.district());
            m.put("categoryPrefix", o.categoryPrefix());
            m.put("department", o.department());
            overrides.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("categories", categories);
        out.put("hotlineTypes", types);
        out.put("routingOverrides", overrides);
        return out;
    }

    static Map<String, Object> calendar(CityModel model) {
        List<Object> years = new ArrayList<>();
        for (CalendarYearDefinition y : model.calendar()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("year", y.year());
            m.put("source", y.source());
            m.put("hours", y.hours());
            List<Object> holidays = new ArrayList<>();
            for (CalendarYearDefinition.Holiday h : y.holidays()) {
                Map<String, Object> hm = new LinkedHashMap<>();
                hm.put("name", h.name());
                hm.put("nameEn", h.nameEn());
                hm.put("from", h.from().toString());
                hm.put("to", h.to().toString());
                holidays.add(hm);
            }
            m.put("holidays", holidays);
            List<Object> workdays = new ArrayList<>();
            for (CalendarYearDefinition.MakeUpDay w : y.workdays()) {
                Map<String, Object> wm = new LinkedHashMap<>();
                wm.put("date", w.date().toString());
                wm.put("for", w.forHoliday());
                workdays.add(wm);
            }
            m.put("workdays", workdays);
            years.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("zone", model.zone());
        out.put("years", years);
        return out;
    }

    static Map<String, Object> rules(List<AlertRuleDefinition> rules) {
        List<Object> list = new ArrayList<>();
        for (AlertRuleDefinition r : rules) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("sensorType", r.sensorType());
            m.put("kind", r.kind());
            m.put("direction", r.direction());
            m.put("limit", r.limit());
            m.put("hysteresis", r.hysteresis());
            m.put("minDurationSeconds", r.minDurationSeconds());
            m.put("holdSeconds", r.holdSeconds());
            m.put("dropPercent", r.dropPercent());
            m.put("windowSeconds", r.windowSeconds());
            m.put("staleIntervals", r.staleIntervals());
            m.put("otherType", r.otherType());
            m.put("otherDirection", r.otherDirection());
            m.put("otherLimit", r.otherLimit());
            m.put("severity", r.severity());
            m.put("category", r.category());
            m.put("enabled", r.enabled());
            list.add(m);
        }
        return Map.of("rules", list);
    }

    static Map<String, Object> roles(List<String> codes) {
        List<Object> list = new ArrayList<>();
        for (String code : codes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", code);
            Role role = known(Role.class, code);
            m.put("name", role == null ? code : role.nameZh());
            m.put("nameEn", role == null ? code : role.nameEn());
            m.put("administrator", role != null && role.administrator());
            list.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("roles", list);
        out.put("separationOfDuties", List.of(Role.SYSTEM_ADMIN.name(), Role.SECURITY_ADMIN.name(), Role.AUDIT_ADMIN.name()));
        return out;
    }

    static Map<String, Object> areas(List<String> ids) {
        List<Object> list = new ArrayList<>();
        for (String id : ids) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            PriorityArea area = java.util.Arrays.stream(PriorityArea.values()).filter(a -> a.id().equals(id))
                    .findFirst().orElse(null);
            m.put("name", area == null ? id : area.nameZh());
            m.put("nameEn", area == null ? id : area.nameEn());
            list.add(m);
        }
        return Map.of("areas", list);
    }

    private static <E extends Enum<E>> E known(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
