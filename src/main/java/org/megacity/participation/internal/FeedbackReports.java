package org.megacity.participation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.megacity.legislation.DraftVersion;
import org.megacity.participation.Channel;
import org.megacity.participation.OpinionAnalysis;
import org.megacity.participation.Outcome;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The feedback report of a consultation (Legislation Law Art. 40): totals by channel, heat by
 * article, dispositions, the main opinions and how they were handled, campaigns with their counts.
 * Hidden opinions are counted as hidden and shown nowhere. No personal data.
 */
@Component
class FeedbackReports {

    static final int MAIN = 20;

    private final Participation participation;
    private final ObjectProvider<OpinionAnalysis> analyses;

    FeedbackReports(Participation participation, ObjectProvider<OpinionAnalysis> analyses) {
        this.participation = participation;
        this.analyses = analyses;
    }

    record ChannelCount(String channel, String name, String nameEn, int count) {
    }

    record ArticleHeat(String wId, String eId, String label, int count) {
    }

    record OutcomeCount(String outcome, String name, String nameEn, int count) {
    }

    /**
     * A main opinion or group and how it was handled.
     *
     * @param outcome the outcome shared by all its opinions, {@code mixed}, or {@code pending}
     */
    record MainOpinion(String kind, int count, String text, String elementLabel, String outcome, String outcomeName,
            String outcomeNameEn, String reason, String referredTo, Integer changeVersion, String changeElementId) {
    }

    record Campaign(String label, int count, String outcome) {
    }

    record Row(Opinion opinion, Disposition disposition, int groupNumber, int groupCount) {
    }

    record Report(String consultationId, String billId, int version, String title, String state, Instant opensAt,
            Instant closesAt, Instant publishedAt, int opinions, int hidden, int general, int meetings,
            int meetingParticipants, List<ChannelCount> channels, List<ArticleHeat> articles,
            List<OutcomeCount> dispositions, int pending, List<MainOpinion> mainOpinions, List<Campaign> campaigns,
            List<Row> rows) {

        /** The largest article count (for drawing the heat). */
        public int hottest() {
            return articles.stream().mapToInt(ArticleHeat::count).max().orElse(0);
        }
    }

    Report of(String consultationId) {
        Consultation consultation = participation.consultation(consultationId);
        DraftVersion version = participation.version(consultation);
        List<Opinion> all = participation.opinions(consultationId);
        List<Opinion> visible = all.stream().filter(o -> !o.hidden()).toList();
        Map<String, Disposition> dispositions = participation.dispositions(consultationId).stream()
                .collect(Collectors.toMap(Disposition::id, Function.identity()));

        List<ChannelCount> channels = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            channels.add(new ChannelCount(channel.id(), channel.nameZh(), channel.nameEn(),
                    (int) visible.stream().filter(o -> o.channel() == channel).count()));
        }
        Map<String, Integer> byArticle = new HashMap<>();
        for (Opinion o : visible) {
            if (o.articleWId() != null) {
                byArticle.merge(o.articleWId(), 1, Integer::sum);
            }
        }
        List<ArticleHeat> articles = new ArrayList<>();
        for (DraftVersion.Element e : version.elements()) {
            if (e.kind().equals("article")
                    && (consultation.wholeBill() || consultation.scope().contains(e.wId()))) {
                articles.add(new ArticleHeat(e.wId(), e.eId(), e.label(), byArticle.getOrDefault(e.wId(), 0)));
            }
        }
        Map<Outcome, Integer> outcomes = new LinkedHashMap<>();
        int pending = 0;
        for (Opinion o : visible) {
            Disposition d = dispositions.get(o.dispositionId());
            if (d == null) {
                pending++;
            } else {
                outcomes.merge(d.outcome(), 1, Integer::sum);
            }
        }
        List<OutcomeCount> outcomeCounts = new ArrayList<>();
        for (Outcome outcome : Outcome.values()) {
            outcomeCounts.add(new OutcomeCount(outcome.id(), outcome.nameZh(), outcome.nameEn(),
                    outcomes.getOrDefault(outcome, 0)));
        }

        OpinionAnalysis analysis = analyses.orderedStream().findFirst().orElseGet(ExactDuplicates::new);
        List<OpinionAnalysis.OpinionGroup> groups = analysis.groups(visible.stream()
                .map(o -> new OpinionAnalysis.OpinionText(o.id(), o.articleWId(), o.channel(), o.text())).toList());
        Map<String, Opinion> byId = visible.stream().collect(Collectors.toMap(Opinion::id, Function.identity()));
        Map<String, int[]> groupOf = new HashMap<>();
        List<MainOpinion> main = new ArrayList<>();
        List<Campaign> campaigns = new ArrayList<>();
        Set<String> grouped = new HashSet<>();
        int number = 0;
        for (OpinionAnalysis.OpinionGroup group : groups) {
            List<Opinion> members = group.opinionIds().stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
            if (members.isEmpty()) {
                continue;
            }
            number++;
            for (Opinion member : members) {
                groupOf.putIfAbsent(member.id(), new int[] {number, members.size()});
            }
            grouped.addAll(members.stream().map(Opinion::id).toList());
            MainOpinion m = main(group.kind(), members, dispositions);
            main.add(m);
            if (group.kind().equals("campaign")) {
                campaigns.add(new Campaign(group.label(), members.size(), m.outcome()));
            }
        }
        for (Opinion o : visible) {
            if (!grouped.contains(o.id())) {
                main.add(main("single", List.of(o), dispositions));
            }
        }
        main.sort(Comparator.comparingInt(MainOpinion::count).reversed());
        List<Row> rows = visible.stream().map(o -> {
            int[] g = groupOf.get(o.id());
            return new Row(o, dispositions.get(o.dispositionId()), g == null ? 0 : g[0], g == null ? 1 : g[1]);
        }).toList();
        List<Meeting> meetings = participation.meetings(consultationId);
        return new Report(consultation.id(), consultation.billId(), consultation.version(), consultation.title(),
                consultation.state(participation.now()).id(), consultation.opensAt(), consultation.closesAt(),
                consultation.reportPublishedAt(), visible.size(), all.size() - visible.size(),
                (int) visible.stream().filter(Opinion::general).count(), meetings.size(),
                meetings.stream().mapToInt(Meeting::participants).sum(), channels, articles, outcomeCounts, pending,
                main.subList(0, Math.min(MAIN, main.size())), campaigns, rows);
    }

    private static MainOpinion main(String kind, List<Opinion> members, Map<String, Disposition> dispositions) {
        Opinion first = members.getFirst();
        Set<String> ids = members.stream().map(Opinion::dispositionId).collect(Collectors.toCollection(HashSet::new));
        Disposition shared = ids.size() == 1 ? dispositions.get(ids.iterator().next()) : null;
        String outcome;
        String name;
        String nameEn;
        if (shared != null) {
            outcome = shared.outcome().id();
            name = shared.outcome().nameZh();
            nameEn = shared.outcome().nameEn();
        } else if (ids.size() == 1) {
            outcome = "pending";
            name = "待处理";
            nameEn = "Pending";
        } else {
            outcome = "mixed";
            name = "分别处理";
            nameEn = "Handled separately";
        }
        return new MainOpinion(kind, members.size(), first.text(), first.elementLabel(), outcome, name, nameEn,
                shared == null ? null : shared.reason(), shared == null ? null : shared.referredTo(),
                shared == null ? null : shared.changeVersion(), shared == null ? null : shared.changeEId());
    }

    /** The report as CSV: one row per visible opinion with its campaign and disposition (RFC 4180, UTF-8 with BOM). */
    String csv(Report report) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append("opinion_id,submitted_at,channel,element_id,element,campaign,campaign_count,text,outcome,reason,"
                + "referred_to,change_version,change_element\r\n");
        for (Row row : report.rows()) {
            Opinion o = row.opinion();
            Disposition d = row.disposition();
            List<String> cells = List.of(o.id(), o.submittedAt().toString(), o.channel().id(), nz(o.eId()),
                    nz(o.elementLabel()), row.groupNumber() == 0 ? "" : Integer.toString(row.groupNumber()),
                    Integer.toString(row.groupCount()), o.text(), d == null ? "pending" : d.outcome().id(),
                    d == null ? "" : nz(d.reason()), d == null ? "" : nz(d.referredTo()),
                    d == null || d.changeVersion() == null ? "" : d.changeVersion().toString(),
                    d == null ? "" : nz(d.changeEId()));
            out.append(cells.stream().map(FeedbackReports::cell).collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString();
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    /** A CSV cell: quoted when needed; a leading = + - @ is prefixed with ' so spreadsheets do not run it. */
    static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
