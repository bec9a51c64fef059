package org.megacity.organization.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.megacity.geo.DivisionCode;
import org.megacity.geo.DivisionLevel;
import org.megacity.organization.CentreLevel;
import org.megacity.organization.Department;
import org.megacity.organization.DepartmentBranch;
import org.megacity.organization.DepartmentCode;
import org.megacity.organization.DepartmentKind;
import org.megacity.organization.Departments;
import org.megacity.organization.OperationCentre;
import org.megacity.organization.OperationCentres;
import org.megacity.organization.Organization;
import org.megacity.organization.OrganizationChart;
import org.megacity.organization.OrganizationLoaded;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The organization in the database. The tables are small (a few dozen departments, a few hundred
 * branches, about a thousand centres). Lists and the chart are read from the database; the lookups
 * on every case's path (a department, its branch for a district, the centre responsible for a
 * division) are answered from an in-memory copy read in one consistent transaction, at most
 * {@link #SNAPSHOT_AGE} old and replaced at once when this node changes the organization, so
 * several application nodes over one database agree within that age.
 */
@Service
class JdbcOrganization implements Organization, Departments, OperationCentres {

    /** How long the in-memory copy serves lookups before it is read again. */
    static final Duration SNAPSHOT_AGE = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate consistentRead;
    private volatile Snapshot snapshot;

    JdbcOrganization(JdbcClient jdbc, JdbcTemplate batch, ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.events = events;
        this.consistentRead = new TransactionTemplate(transactions);
        this.consistentRead.setReadOnly(true);
        this.consistentRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.consistentRead.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The departments by code (with their branches) and the centres by id, as read at {@code readAt}. */
    private record Snapshot(Map<String, Department> departments, Map<String, OperationCentre> centres, long readAt) {
        Optional<DepartmentBranch> branch(DepartmentCode department, DivisionCode district) {
            Department d = departments.get(department.value());
            return d == null ? Optional.empty()
                    : d.branches().stream().filter(b -> b.district().equals(district)).findFirst();
        }
    }

    private Snapshot snapshot() {
        if (TransactionSynchronizationManager.hasResource(this)) {
            // this transaction replaced the organization: read what it wrote, and keep nothing
            return read(System.nanoTime());
        }
        Snapshot s = snapshot;
        if (s != null && System.nanoTime() - s.readAt() < SNAPSHOT_AGE.toNanos()) {
            return s;
        }
        synchronized (this) {
            s = snapshot;
            if (s != null && System.nanoTime() - s.readAt() < SNAPSHOT_AGE.toNanos()) {
                return s;
            }
            long at = System.nanoTime();
            Snapshot read = consistentRead.execute(status -> read(at));
            snapshot = read;
            return read;
        }
    }

    private Snapshot read(long at) {
        Map<String, Department> departments = new LinkedHashMap<>();
        all().forEach(d -> departments.put(d.code().value(), d));
        Map<String, OperationCentre> centres = new HashMap<>();
        list(null, null).forEach(c -> centres.put(c.id(), c));
        return new Snapshot(Map.copyOf(departments), Map.copyOf(centres), at);
    }

    /**
     * Marks the current transaction as one that changed the organization: its own lookups read the
     * tables, and the copy is dropped when it ends (not before: a copy read meanwhile would hold the
     * old organization for another {@link #SNAPSHOT_AGE}).
     */
    private void changedInThisTransaction() {
        snapshot = null;
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.hasResource(this)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(
                new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        TransactionSynchronizationManager.unbindResourceIfPossible(
                                JdbcOrganization.this);
                        snapshot = null;
                    }
                });
    }

    @Override
    @Transactional(readOnly = true)
    public OrganizationChart chart() {
        return new OrganizationChart(all(), list(null, null));
    }

    @Override
    @Transactional
    public void replaceWith(OrganizationChart chart) {
        jdbc.sql("delete from org_department_branch").update();
        jdbc.sql("delete from org_department").update();
        jdbc.sql("delete from org_centre").update();
        List<Object[]> departments = new ArrayList<>();
        List<Object[]> branches = new ArrayList<>();
        for (int i = 0; i < chart.departments().size(); i++) {
            Department d = chart.departments().get(i);
            departments.add(new Object[] {d.code().value(), i, d.name(), d.nameEn(), d.kind().name()});
            for (DepartmentBranch b : d.branches()) {
                branches.add(new Object[] {d.code().value(), b.district().value(), b.name(), b.nameEn()});
            }
        }
        batch.batchUpdate("insert into org_department (code, position, name, name_en, kind) values (?, ?, ?, ?, ?)",
                departments);
        batch.batchUpdate("insert into org_department_branch (department_code, district_code, name, name_en)"
                + " values (?, ?, ?, ?)", branches);
        batch.batchUpdate("insert into org_centre (id, level, division_code, name, name_en) values (?, ?, ?, ?, ?)",
                chart.centres().stream().map(c -> new Object[] {c.id(), c.level().name(),
                        c.division() == null ? null : c.division().value(), c.name(), c.nameEn()}).toList());
        changedInThisTransaction();
        events.publishEvent(new OrganizationLoaded(chart.departments().size(), chart.branchCount(),
                chart.centres().size()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Department> all() {
        Map<String, List<DepartmentBranch>> branches = new LinkedHashMap<>();
        jdbc.sql("select department_code, district_code, name, name_en from org_department_branch"
                        + " order by department_code, district_code")
                .query((rs, n) -> new DepartmentBranch(DepartmentCode.of(rs.getString(1)), DivisionCode.of(rs.getString(2)),
                        rs.getString(3), rs.getString(4)))
                .list().forEach(b -> branches.computeIfAbsent(b.department().value(), k -> new ArrayList<>()).add(b));
        return jdbc.sql("select code, name, name_en, kind from org_department order by position")
                .query((rs, n) -> new Department(DepartmentCode.of(rs.getString(1)), rs.getString(2), rs.getString(3),
                        DepartmentKind.valueOf(rs.getString(4)), branches.getOrDefault(rs.getString(1), List.of())))
                .list();
    }

    @Override
    public Optional<Department> find(DepartmentCode code) {
        return Optional.ofNullable(snapshot().departments().get(code.value()));
    }

    @Override
    public Optional<DepartmentBranch> branchFor(DepartmentCode department, DivisionCode division) {
        return snapshot().branch(department, division.ancestorAt(DivisionLevel.DISTRICT));
    }

    @Override
    @Transactional(readOnly = true)
    public List<OperationCentre> list(CentreLevel level, DivisionCode within) {
        StringBuilder sql = new StringBuilder("select level, division_code, name, name_en from org_centre where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (level != null) {
            sql.append(" and level = ?");
            params.add(level.name());
        }
        if (within != null) {
            sql.append(" and division_code like ?");
            params.add(within.value() + "%");
        }
        List<OperationCentre> centres = new ArrayList<>(jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> centre(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list());
        centres.sort(java.util.Comparator.comparing(OperationCentre::level).thenComparing(OperationCentre::id));
        return centres;
    }

    @Override
    public Optional<OperationCentre> find(String id) {
        return Optional.ofNullable(snapshot().centres().get(id));
    }

    @Override
    public Optional<OperationCentre> responsibleFor(DivisionCode division) {
        if (division.level() != DivisionLevel.DISTRICT) {
            Optional<OperationCentre> street = find(division.ancestorAt(DivisionLevel.STREET).value());
            if (street.isPresent()) {
                return street;
            }
        }
        return find(division.ancestorAt(DivisionLevel.DISTRICT).value()).or(() -> find(OperationCentre.CITY_ID));
    }

    @Override
    @Transactional(readOnly = true)
    public int count(CentreLevel level) {
        return jdbc.sql("select count(*) from org_centre where level = ?").param(level.name()).query(Integer.class)
                .single();
    }

    private static OperationCentre centre(String level, String division, String name, String nameEn) {
        return new OperationCentre(CentreLevel.valueOf(level), division == null ? null : DivisionCode.of(division),
                name, nameEn);
    }
}
