package org.megacity.legislation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.megacity.legislation.BillKind;
import org.megacity.legislation.PriorityArea;
import org.megacity.legislation.Stage;
import org.megacity.legislation.draft.Article;
import org.megacity.legislation.draft.ArticleNumber;
import org.megacity.legislation.draft.Division;
import org.megacity.legislation.draft.DivisionLevel;
import org.megacity.legislation.draft.Draft;
import org.megacity.legislation.draft.Item;
import org.megacity.legislation.draft.Node;
import org.megacity.legislation.draft.Paragraph;
import org.megacity.legislation.draft.SubItem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The legislation tables: plans, bills, their stage history, versions and the versions' elements. */
@Repository
class BillStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    BillStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    // plans

    void insert(Plan plan) {
        jdbc.sql("insert into legislation_plan (id, plan_year, title, created_at) values (?, ?, ?, ?)")
                .params(plan.id(), plan.year(), plan.title(), Timestamp.from(plan.createdAt())).update();
    }

    List<Plan> plans() {
        return jdbc.sql("select * from legislation_plan order by plan_year desc").query(BillStore::plan).list();
    }

    Optional<Plan> plan(String id) {
        return jdbc.sql("select * from legislation_plan where id = ?").param(id).query(BillStore::plan).optional();
    }

    Optional<Plan> planOfYear(int year) {
        return jdbc.sql("select * from legislation_plan where plan_year = ?").param(year).query(BillStore::plan).optional();
    }

    private static Plan plan(ResultSet rs, int row) throws SQLException {
        return new Plan(rs.getString("id"), rs.getInt("plan_year"), rs.getString("title"),
                rs.getTimestamp("created_at").toInstant());
    }

    // bills

    void insert(Bill bill) {
        jdbc.sql("""
                insert into legislation_bill (id, plan_id, title, area, kind, sponsor, drafting_body, target_submission,
                    target_adoption, stage, stage_since, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(bill.id(), bill.planId(), bill.title(), bill.area().id(), bill.kind().id(), bill.sponsor(),
                        bill.draftingBody(), bill.targetSubmission(), bill.targetAdoption(), bill.stage().id(),
                        bill.stageSince(), Timestamp.from(bill.createdAt()), bill.createdBy())
                .update();
    }

    void updateStage(String billId, Stage stage, LocalDate since) {
        jdbc.sql("update legislation_bill set stage = ?, stage_since = ? where id = ?")
                .params(stage.id(), since, billId).update();
    }

    /** Locks the bill's row for the rest of the transaction (no two stage changes or versions at once). */
    Optional<Bill> billForUpdate(String id) {
        return jdbc.sql("select * from legislation_bill where id = ? for update").param(id).query(BillStore::bill).optional();
    }

    Optional<Bill> bill(String id) {
        return jdbc.sql("select * from legislation_bill where id = ?").param(id).query(BillStore::bill).optional();
    }

    List<Bill> bills(String planId) {
        if (planId == null) {
            return jdbc.sql("select * from legislation_bill order by created_at, id").query(BillStore::bill).list();
        }
        return jdbc.sql("select * from legislation_bill where plan_id = ? order by created_at, id").param(planId)
                .query(BillStore::bill).list();
    }

    int countBills() {
        return jdbc.sql("select count(*) from legislation_bill").query(Integer.class).single();
    }

    private static Bill bill(ResultSet rs, int row) throws SQLException {
        return new Bill(rs.getString("id"), rs.getString("plan_id"), rs.getString("title"),
                PriorityArea.parse(rs.getString("area")), BillKind.parse(rs.getString("kind")), rs.getString("sponsor"),
                rs.getString("drafting_body"), rs.getObject("target_submission", LocalDate.class),
                rs.getObject("target_adoption", LocalDate.class), Stage.find(rs.getString("stage")).orElseThrow(),
                rs.getObject("stage_since", LocalDate.class), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"));
    }

    // stage history

    void insert(String billId, StageEntry entry) {
        jdbc.sql("""
                insert into legislation_stage_history (bill_id, seq, from_stage, to_stage, on_date, note, recorded_at,
                    recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(billId, entry.seq(), entry.from() == null ? null : entry.from().id(), entry.to().id(), entry.on(),
                        entry.note(), Timestamp.from(entry.recordedAt()), entry.recordedBy())
                .update();
    }

    List<StageEntry> history(String billId) {
        return jdbc.sql("select * from legislation_stage_history where bill_id = ? order by seq").param(billId)
                .query((rs, row) -> new StageEntry(rs.getInt("seq"),
                        rs.getString("from_stage") == null ? null : Stage.find(rs.getString("from_stage")).orElseThrow(),
                        Stage.find(rs.getString("to_stage")).orElseThrow(), rs.getObject("on_date", LocalDate.class),
                        rs.getString("note"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by")))
                .list();
    }

    // versions

    int lastVersion(String billId) {
        return jdbc.sql("select coalesce(max(version), 0) from legislation_version where bill_id = ?").param(billId)
                .query(Integer.class).single();
    }

    List<VersionSummary> versions(String billId) {
        return jdbc.sql("""
                select bill_id, version, stage, label, title, article_count, published_at, created_at, created_by
                from legislation_version where bill_id = ? order by version""").param(billId)
                .query(BillStore::summary).list();
    }

    /** The published versions of every bill, newest first. */
    List<VersionSummary> publishedVersions() {
        return jdbc.sql("""
                select bill_id, version, stage, label, title, article_count, published_at, created_at, created_by
                from legislation_version where published_at is not null order by published_at desc, bill_id, version""")
                .query(BillStore::summary).list();
    }

    Optional<VersionSummary> summary(String billId, int version) {
        return jdbc.sql("""
                select bill_id, version, stage, label, title, article_count, published_at, created_at, created_by
                from legislation_version where bill_id = ? and version = ?""").params(billId, version)
                .query(BillStore::summary).optional();
    }

    private static VersionSummary summary(ResultSet rs, int row) throws SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        return new VersionSummary(rs.getString("bill_id"), rs.getInt("version"),
                Stage.find(rs.getString("stage")).orElseThrow(), rs.getString("label"), rs.getString("title"),
                rs.getInt("article_count"), published == null ? null : published.toInstant(),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }

    void markPublished(String billId, int version, Instant at) {
        jdbc.sql("update legislation_version set published_at = ? where bill_id = ? and version = ? and published_at is null")
                .params(Timestamp.from(at), billId, version).update();
    }

    /** Every wId the bill has used in any version. */
    Set<String> workIds(String billId) {
        return new HashSet<>(jdbc.sql("select distinct wid from legislation_element where bill_id = ?").param(billId)
                .query(String.class).list());
    }

    /** Stores a version and its elements. */
    void insert(VersionSummary summary, Draft draft, Map<String, String> workIds, String format, String sourceText) {
        jdbc.sql("""
                insert into legislation_version (bill_id, version, stage, label, title, history, preamble, source_format,
                    source_text, article_count, published_at, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(summary.billId(), summary.version(), summary.stage().id(), summary.label(), summary.title(),
                        String.join("\n", draft.history()), String.join("\n", draft.preamble()), format, sourceText,
                        summary.articleCount(), summary.publishedAt() == null ? null : Timestamp.from(summary.publishedAt()),
                        Timestamp.from(summary.createdAt()), summary.createdBy())
                .update();
        List<Object[]> rows = new ArrayList<>();
        elements(draft.body(), null, workIds, rows);
        for (Object[] row : rows) {
            row[0] = summary.billId();
            row[1] = summary.version();
        }
        template.batchUpdate("""
                insert into legislation_element (bill_id, version, seq, parent_seq, kind, level, number, sub_number, style,
                    heading, body, eid, wid, line) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    private static void elements(List<Node> nodes, Integer parent, Map<String, String> ids, List<Object[]> rows) {
        for (Node node : nodes) {
            switch (node) {
                case Division d -> {
                    int seq = add(rows, parent, "division", d.level().name(), d.number(), 0, null, d.heading(), null,
                            d.eId(), ids, d.line());
                    elements(d.children(), seq, ids, rows);
                }
                case Article a -> {
                    int seq = add(rows, parent, "article", null, a.number().main(), a.number().sub(), null, a.heading(),
                            null, a.eId(), ids, a.line());
                    for (Paragraph p : a.paragraphs()) {
                        int ps = add(rows, seq, "paragraph", null, 0, 0, null, null, p.lead(), p.eId(), ids, p.line());
                        for (Item i : p.items()) {
                            int is = add(rows, ps, "item", null, i.number(), 0, null, null, i.text(), i.eId(), ids, i.line());
                            for (SubItem s : i.subItems()) {
                                add(rows, is, "subitem", null, s.number(), 0, s.style().name(), null, s.text(), s.eId(), ids,
                                        s.line());
                            }
                        }
                    }
                }
            }
        }
    }

    private static int add(List<Object[]> rows, Integer parent, String kind, String level, int number, int sub,
            String style, String heading, String body, String eId, Map<String, String> ids, int line) {
        int seq = rows.size() + 1;
        rows.add(new Object[] {null, null, seq, parent, kind, level, number, sub, style, heading, body, eId,
                ids.getOrDefault(eId, eId), line});
        return seq;
    }

    Optional<StoredVersion> version(String billId, int version) {
        Optional<VersionSummary> summary = summary(billId, version);
        if (summary.isEmpty()) {
            return Optional.empty();
        }
        record Head(String history, String preamble) {
        }
        Head head = jdbc.sql("select history, preamble from legislation_version where bill_id = ? and version = ?")
                .params(billId, version).query((rs, row) -> new Head(rs.getString("history"), rs.getString("preamble")))
                .single();
        record Row(int seq, Integer parent, String kind, String level, int number, int sub, String style, String heading,
                String body, String eId, String wId, int line) {
        }
        List<Row> rows = jdbc.sql("select * from legislation_element where bill_id = ? and version = ? order by seq")
                .params(billId, version)
                .query((rs, n) -> new Row(rs.getInt("seq"), (Integer) rs.getObject("parent_seq", Integer.class),
                        rs.getString("kind"), rs.getString("level"), rs.getInt("number"), rs.getInt("sub_number"),
                        rs.getString("style"), rs.getString("heading"), rs.getString("body"), rs.getString("eid"),
                        rs.getString("wid"), rs.getInt("line")))
                .list();
        Map<String, String> workIds = new LinkedHashMap<>();
        Map<Integer, List<Row>> children = new LinkedHashMap<>();
        for (Row row : rows) {
            workIds.put(row.eId(), row.wId());
            children.computeIfAbsent(row.parent() == null ? 0 : row.parent(), k -> new ArrayList<>()).add(row);
        }
        java.util.function.Function<Integer, List<Row>> kids = seq -> children.getOrDefault(seq, List.of());
        class Builder {
            List<Node> nodes(int parent) {
                List<Node> out = new ArrayList<>();
                for (Row row : kids.apply(parent)) {
                    if (row.kind().equals("division")) {
                        out.add(new Division(DivisionLevel.valueOf(row.level()), row.number(),
                                row.heading() == null ? "" : row.heading(), row.eId(), nodes(row.seq()), row.line()));
                    } else {
                        List<Paragraph> paragraphs = new ArrayList<>();
                        for (Row p : kids.apply(row.seq())) {
                            List<Item> items = new ArrayList<>();
                            for (Row i : kids.apply(p.seq())) {
                                List<SubItem> subs = kids.apply(i.seq()).stream().map(s -> new SubItem(s.number(),
                                        SubItem.Style.valueOf(s.style()), s.body(), s.eId(), s.line())).toList();
                                items.add(new Item(i.number(), i.body(), i.eId(), subs, i.line()));
                            }
                            paragraphs.add(new Paragraph(p.body() == null ? "" : p.body(), p.eId(), items, p.line()));
                        }
                        out.add(new Article(new ArticleNumber(row.number(), row.sub()), row.heading(), row.eId(), paragraphs,
                                row.line()));
                    }
                }
                return out;
            }
        }
        Draft draft = new Draft(summary.get().title(), lines(head.history()), lines(head.preamble()),
                new Builder().nodes(0));
        return Optional.of(new StoredVersion(summary.get(), draft, workIds));
    }

    private static List<String> lines(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
    }
}
