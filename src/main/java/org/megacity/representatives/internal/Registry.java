package org.megacity.representatives.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.megacity.identity.Actor;
import org.megacity.identity.FieldCipher;
import org.megacity.identity.PersonalDataAccess;
import org.megacity.identity.PersonalDataKind;
import org.megacity.identity.Role;
import org.megacity.platform.Problems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry: deputies (phone and e-mail sealed with the field cipher, masked by
 * {@link PersonalDataAccess} when shown; a deputy sees their own in clear), liaison stations with
 * the deputies on duty by date, and grassroots legislative contact points with their activity.
 */
@Service
class Registry {

    enum Level { NATIONAL, PROVINCIAL, CITY, DISTRICT, TOWNSHIP }

    enum PointLevel { NATIONAL, CITY, DISTRICT }

    record Deputy(String id, String name, String level, String constituency, String delegation, String phone,
            String email, String username) {
    }

    record Station(String id, String name, String divisionCode, String address, Double lon, Double lat) {
    }

    record ContactPoint(String id, String name, String level, String divisionCode, String address, Double lon,
            Double lat, List<String> staff, int meetingsHeld, int opinionsSubmitted, int draftsConsulted) {
    }

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    volatile Clock clock = Clock.systemUTC();

    Registry(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    // deputies

    @Transactional
    Deputy addDeputy(String name, String level, String constituency, String delegation, String phone, String email,
            String username) {
        List<Problems.Violation> errors = new ArrayList<>();
        if (blank(name)) {
            errors.add(new Problems.Violation("name", "required"));
        }
        if (!oneOf(level, Level.values())) {
            errors.add(new Problems.Violation("level", "one of " + Arrays.toString(Level.values())));
        }
        if (constituency == null || !constituency.matches("\\d{6,12}")) {
            errors.add(new Problems.Violation("constituency", "a division code of 6 to 12 digits"));
        }
        if (blank(delegation)) {
            errors.add(new Problems.Violation("delegation", "required"));
        }
        if (username != null && deputyOf(username).isPresent()) {
            errors.add(new Problems.Violation("username", "already bound to a deputy"));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into rep_deputy (id, name, deputy_level, constituency, delegation, phone_sealed, email_sealed,"
                        + " username, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, name.strip(), level.toUpperCase(), constituency, delegation.strip(), cipher.encrypt(phone),
                        cipher.encrypt(email), blank(username) ? null : username, Timestamp.from(clock.instant()))
                .update();
        return deputy(id).orElseThrow();
    }

    Optional<Deputy> deputy(String id) {
        return jdbc.sql("select * from rep_deputy where id = ?").param(id).query(this::deputyRow).optional();
    }

    Optional<Deputy> deputyOf(String username) {
        return jdbc.sql("select * from rep_deputy where username = ?").param(username).query(this::deputyRow).optional();
    }

    List<Deputy> deputies(String constituencyPrefix) {
        return jdbc.sql("select * from rep_deputy where constituency like ? order by name")
                .param((constituencyPrefix == null ? "" : constituencyPrefix) + "%").query(this::deputyRow).list();
    }

    /** The deputy as the actor may see it: contact data in clear for the deputy and the roles that need it. */
    static Deputy present(Actor actor, Deputy d) {
        if (d.username() != null && d.username().equals(actor.username())) {
            return d;
        }
        return new Deputy(d.id(), d.name(), d.level(), d.constituency(), d.delegation(),
                PersonalDataAccess.present(actor, PersonalDataKind.PHONE, d.phone()),
                PersonalDataAccess.present(actor, PersonalDataKind.EMAIL, d.email()),
                actor.has(Role.LEGISLATIVE_STAFF) ? d.username() : null);
    }

    private Deputy deputyRow(ResultSet rs, int n) throws SQLException {
        return new Deputy(rs.getString("id"), rs.getString("name"), rs.getString("deputy_level"),
                rs.getString("constituency"), rs.getString("delegation"), cipher.decrypt(rs.getString("phone_sealed")),
                cipher.decrypt(rs.getString("email_sealed")), rs.getString("username"));
    }

    // stations

    @Transactional
    Station addStation(String name, String divisionCode, String address, Double lon, Double lat) {
        List<Problems.Violation> errors = new ArrayList<>();
        if (blank(name)) {
            errors.add(new Problems.Violation("name", "required"));
        }
        if (divisionCode == null || !divisionCode.matches("\\d{6,12}")) {
            errors.add(new Problems.Violation("divisionCode", "a division code of 6 to 12 digits"));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into rep_station (id, name, division_code, address, lon, lat, created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, name.strip(), divisionCode, address, lon, lat, Timestamp.from(clock.instant())).update();
        return stations().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    List<Station> stations() {
        return jdbc.sql("select * from rep_station order by name").query((rs, n) -> new Station(rs.getString("id"),
                rs.getString("name"), rs.getString("division_code"), rs.getString("address"),
                (Double) rs.getObject("lon", Double.class), (Double) rs.getObject("lat", Double.class))).list();
    }

    @Transactional
    void putOnDuty(String stationId, LocalDate date, String deputyId) {
        if (stations().stream().noneMatch(s -> s.id().equals(stationId))) {
            throw Problems.notFound("no liaison station " + stationId);
        }
        if (date == null) {
            throw Problems.invalid("date", "required (yyyy-MM-dd)");
        }
        if (deputyId == null || deputy(deputyId).isEmpty()) {
            throw Problems.invalid("deputyId", "no such deputy");
        }
        jdbc.sql("delete from rep_station_duty where station_id = ? and duty_date = ? and deputy_id = ?")
                .params(stationId, date, deputyId).update();
        jdbc.sql("insert into rep_station_duty (station_id, duty_date, deputy_id) values (?, ?, ?)")
                .params(stationId, date, deputyId).update();
    }

    List<Deputy> onDuty(String stationId, LocalDate date) {
        return jdbc.sql("select d.* from rep_deputy d join rep_station_duty s on s.deputy_id = d.id"
                        + " where s.station_id = ? and s.duty_date = ? order by d.name")
                .params(stationId, date).query(this::deputyRow).list();
    }

    // contact points

    @Transactional
    ContactPoint addContactPoint(String name, String level, String divisionCode, String address, Double lon, Double lat,
            List<String> staff) {
        List<Problems.Violation> errors = new ArrayList<>();
        if (blank(name)) {
            errors.add(new Problems.Violation("name", "required"));
        }
        if (!oneOf(level, PointLevel.values())) {
            errors.add(new Problems.Violation("level", "one of " + Arrays.toString(PointLevel.values())));
        }
        if (divisionCode == null || !divisionCode.matches("\\d{6,12}")) {
            errors.add(new Problems.Violation("divisionCode", "a division code of 6 to 12 digits"));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into rep_contact_point (id, name, point_level, division_code, address, lon, lat, staff,"
                        + " meetings_held, opinions_submitted, drafts_consulted, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)")
                .params(id, name.strip(), level.toUpperCase(), divisionCode, address, lon, lat,
                        String.join(",", staff == null ? List.of() : staff), Timestamp.from(clock.instant())).update();
        return contactPoint(id).orElseThrow();
    }

    Optional<ContactPoint> contactPoint(String id) {
        return jdbc.sql("select * from rep_contact_point where id = ?").param(id).query(Registry::point).optional();
    }

    List<ContactPoint> contactPoints() {
        return jdbc.sql("select * from rep_contact_point order by point_level, name").query(Registry::point).list();
    }

    /** Adds to a point's activity counts; its staff or legislative staff only. */
    @Transactional
    ContactPoint recordActivity(Actor actor, String id, int meetings, int opinions, int drafts) {
        ContactPoint p = contactPoint(id).orElseThrow(() -> Problems.notFound("no contact point " + id));
        if (!actor.has(Role.LEGISLATIVE_STAFF) && !p.staff().contains(actor.username())) {
            throw Problems.forbidden("only the contact point's own staff record its activity");
        }
        if (meetings < 0 || opinions < 0 || drafts < 0) {
            throw Problems.invalid("meetingsHeld", "activity counts only grow: give non-negative increments");
        }
        jdbc.sql("update rep_contact_point set meetings_held = meetings_held + ?, opinions_submitted = opinions_submitted + ?,"
                + " drafts_consulted = drafts_consulted + ? where id = ?").params(meetings, opinions, drafts, id).update();
        return contactPoint(id).orElseThrow();
    }

    private static ContactPoint point(ResultSet rs, int n) throws SQLException {
        String staff = rs.getString("staff");
        return new ContactPoint(rs.getString("id"), rs.getString("name"), rs.getString("point_level"),
                rs.getString("division_code"), rs.getString("address"), rs.getObject("lon", Double.class),
                rs.getObject("lat", Double.class), staff.isEmpty() ? List.of() : List.of(staff.split(",")),
                rs.getInt("meetings_held"), rs.getInt("opinions_submitted"), rs.getInt("drafts_consulted"));
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static boolean oneOf(String value, Enum<?>[] values) {
        if (value == null) {
            return false;
        }
        for (Enum<?> v : values) {
            if (v.name().equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }
}
