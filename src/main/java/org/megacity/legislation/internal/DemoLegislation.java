package org.megacity.legislation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.megacity.legislation.BillKind;
import org.megacity.legislation.PriorityArea;
import org.megacity.legislation.Stage;
import org.megacity.legislation.draft.Article;
import org.megacity.legislation.draft.ArticleNumber;
import org.megacity.legislation.draft.Division;
import org.megacity.legislation.draft.Draft;
import org.megacity.legislation.draft.DraftParser;
import org.megacity.legislation.draft.DraftText;
import org.megacity.legislation.draft.Node;
import org.megacity.legislation.draft.ParseOutcome;
import org.megacity.legislation.draft.Paragraph;
import org.megacity.platform.PlatformSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code ./megacity demo}: when the database holds no bill, a legislative plan for this year in
 * the priority areas, with two bills built from real Chongqing regulations (urban pipelines, parks
 * and greening) as drafts in their readings, each with two published versions, and plan items in
 * the other areas. A restart finds bills and does nothing but count them.
 */
@Component
@Order(200)
class DemoLegislation implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLegislation.class);
    static final String PIPELINES = "legislation/demo/重庆市城市管线条例(2016-07-29).md";
    static final String PARKS = "legislation/demo/重庆市城市园林绿化条例(2021-05-27).md";

    private final Bills bills;
    private final BillStore store;
    private final PlatformSettings platform;
    private final boolean enabled;

    DemoLegislation(Bills bills, BillStore store, PlatformSettings platform,
            @Value("${megacity.demo.enabled:false}") boolean enabled) {
        this.bills = bills;
        this.store = store;
        this.platform = platform;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || !("server".equals(platform.mode()) || "test".equals(platform.mode()))) {
            return;
        }
        if (store.countBills() > 0) {
            return;
        }
        seed();
    }

    /** Builds the demo plan; returns its id. */
    String seed() {
        long start = System.nanoTime();
        LocalDate today = bills.today();
        int year = today.getYear();
        LocalDate january = LocalDate.of(year, 1, 15);
        // early in the year the plan is last year's, so its dates are not in the future
        if (today.isBefore(LocalDate.of(year, 9, 1))) {
            year -= 1;
            january = LocalDate.of(year, 1, 15);
        }
        Plan plan = bills.createPlan(year, "重庆市人大常委会" + year + "年度立法计划");

        Draft pipelines = parse(read(PIPELINES));
        String pipes = bills.propose(new Bills.Details(pipelines.title(), PriorityArea.PIPELINES, BillKind.REVISION,
                "市人民政府", "市住房城乡建委", january.plusMonths(3), january.plusMonths(10), plan.id(), Stage.IN_PLAN, null,
                january)).id();
        bills.move(pipes, "drafting", january.plusDays(20), "市住房城乡建委牵头起草");
        bills.move(pipes, "submitted", january.plusMonths(3), "市人民政府提请审议");
        bills.move(pipes, "first-reading", january.plusMonths(4), "常委会第一次审议");
        bills.addVersion(pipes, DraftText.markdown(pipelines), "markdown", "一审稿");
        bills.publish(pipes, 1);
        Draft pipelines2 = renumbered(edit(pipelines, 20, 34,
                "管线权属单位应当建立管线安全风险评估制度，每年对所属管线进行风险评估，并将评估结果报市城市管线主管部门。",
                "应当", "必须"));
        bills.move(pipes, "second-reading", january.plusMonths(7), "常委会第二次审议，草案修改稿公开征求意见");
        bills.addVersion(pipes, DraftText.plain(pipelines2), "plain", "二审稿");
        bills.publish(pipes, 2);

        Draft parks = parse(read(PARKS));
        String park = bills.propose(new Bills.Details(parks.title(), PriorityArea.PARKS, BillKind.REVISION, "市人民政府",
                "市城市管理局", january.plusMonths(5), january.plusMonths(11), plan.id(), Stage.IN_PLAN, null,
                january)).id();
        bills.move(park, "drafting", january.plusMonths(1), null);
        bills.move(park, "submitted", january.plusMonths(5), null);
        bills.move(park, "first-reading", january.plusMonths(6), "常委会第一次审议");
        bills.addVersion(park, DraftText.markdown(parks), "markdown", "一审稿");
        bills.publish(park, 1);
        bills.addVersion(park, DraftText.plain(renumbered(edit(parks, 12, 40,
                "城市公园应当免费向公众开放，确需收费的，应当依法听取公众意见并报市人民政府批准。", "永久保护绿地", "永久保护绿地，任何单位和个人不得擅自改变其用途"))),
                "plain", "一审后修改稿");
        bills.publish(park, 2);

        item(plan, "重庆市城市更新条例", PriorityArea.URBAN_RENEWAL, BillKind.NEW, "市住房城乡建委", Stage.DRAFTING, january);
        item(plan, "重庆市国土空间规划条例（修订）", PriorityArea.LAND_USE_PLANNING, BillKind.REVISION, "市规划自然资源局",
                Stage.IN_PLAN, january);
        item(plan, "重庆市科技创新促进条例", PriorityArea.SCIENCE_INNOVATION, BillKind.NEW, "市科技局", Stage.PROPOSED, january);
        item(plan, "重庆市数字城市运行和治理条例", PriorityArea.DIGITAL_GOVERNANCE, BillKind.NEW, "市大数据发展局",
                Stage.IN_PLAN, january);
        item(plan, "重庆市促进人工智能产业发展条例", PriorityArea.ARTIFICIAL_INTELLIGENCE, BillKind.NEW, "市经济信息委",
                Stage.PROPOSED, january);
        item(plan, "重庆市数据条例", PriorityArea.DATA_SECURITY, BillKind.NEW, "市大数据发展局", Stage.DRAFTING, january);
        item(plan, "重庆市网络安全条例", PriorityArea.CYBERSECURITY, BillKind.NEW, "市委网信办", Stage.PROPOSED, january);
        log.info("legislation: demo plan {} with 9 bills (2 drafts from real regulations) in {} ms", year,
                (System.nanoTime() - start) / 1_000_000);
        return plan.id();
    }

    private void item(Plan plan, String title, PriorityArea area, BillKind kind, String drafter, Stage stage,
            LocalDate since) {
        bills.propose(new Bills.Details(title, area, kind, "市人民政府", drafter, since.plusMonths(6), since.plusMonths(11),
                plan.id(), stage, null, since));
    }

    /**
     * The draft with an article inserted after {@code insertAfter}, the article {@code delete} removed
     * and, in the article after the inserted one's neighbour, {@code from} replaced by {@code to}
     * (numbers as in the original text).
     */
    static Draft edit(Draft draft, int insertAfter, int delete, String inserted, String from, String to) {
        return new Draft(draft.title(), draft.history(), draft.preamble(),
                edit(draft.body(), insertAfter, delete, inserted, from, to));
    }

    private static List<Node> edit(List<Node> nodes, int insertAfter, int delete, String inserted, String from, String to) {
        List<Node> out = new ArrayList<>();
        for (Node node : nodes) {
            switch (node) {
                case Division d -> out.add(new Division(d.level(), d.number(), d.heading(), d.eId(),
                        edit(d.children(), insertAfter, delete, inserted, from, to), d.line()));
                case Article a -> {
                    int n = a.number().main();
                    if (n == delete) {
                        continue;
                    }
                    if (n == insertAfter + 2) {
                        List<Paragraph> changed = new ArrayList<>();
                        for (Paragraph p : a.paragraphs()) {
                            changed.add(new Paragraph(p.lead().replaceFirst(from, to), p.eId(), p.items(), p.line()));
                        }
                        out.add(new Article(a.number(), a.heading(), a.eId(), changed, a.line()));
                    } else {
                        out.add(a);
                    }
                    if (n == insertAfter) {
                        out.add(new Article(a.number(), null, a.eId() + "x",
                                List.of(new Paragraph(inserted, a.eId() + "x__para_1", List.of(), 0)), 0));
                    }
                }
            }
        }
        return out;
    }

    /** The draft with its articles numbered 1, 2, … again (ids are assigned when the text is read back). */
    static Draft renumbered(Draft draft) {
        int[] next = {1};
        return new Draft(draft.title(), draft.history(), draft.preamble(), renumber(draft.body(), next));
    }

    private static List<Node> renumber(List<Node> nodes, int[] next) {
        List<Node> out = new ArrayList<>();
        for (Node node : nodes) {
            switch (node) {
                case Division d -> out.add(new Division(d.level(), d.number(), d.heading(), d.eId(),
                        renumber(d.children(), next), d.line()));
                case Article a -> out.add(new Article(ArticleNumber.of(next[0]++), a.heading(), a.eId(), a.paragraphs(),
                        a.line()));
            }
        }
        return out;
    }

    private static Draft parse(String text) {
        return switch (DraftParser.parse(text)) {
            case ParseOutcome.Parsed parsed -> parsed.draft();
            case ParseOutcome.Rejected rejected -> throw new IllegalStateException("demo text refused: "
                    + rejected.problems());
        };
    }

    private static String read(String resource) {
        try (InputStream in = DemoLegislation.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
