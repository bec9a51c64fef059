package org.megacity.opinionanalysis.internal.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.megacity.opinionanalysis.AnalysisSettings;
import org.megacity.opinionanalysis.Campaign;
import org.megacity.opinionanalysis.IncrementalAnalyzer;
import org.megacity.opinionanalysis.OpinionAnalysis;
import org.megacity.opinionanalysis.OpinionAnalyzer;
import org.megacity.opinionanalysis.OpinionAssignment;
import org.megacity.opinionanalysis.Stance;
import org.megacity.opinionanalysis.Topic;
import org.megacity.platform.CliCommand;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./megacity analyse-opinions FILE --out DIR}: campaigns, topics and heat of the opinions in a
 * JSON-lines or CSV file, written as {@code campaigns.csv}, {@code topics.csv} and
 * {@code summary.json}. Bad records are skipped and counted with their reason; the run goes on.
 */
@Component
public class AnalyseOpinionsCommand implements CliCommand {

    /** Campaigns and skipped records listed one by one in the summary (all are counted). */
    static final int SUMMARY_LIST_LIMIT = 1000;
    static final int REPRESENTATIVE_CHARS = 500;

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Override
    public String name() {
        return "analyse-opinions";
    }

    @Override
    public String summary() {
        return "Find campaigns (form letters), topics and heat per article in a file of opinions (JSON lines or CSV)";
    }

    @Override
    public String synopsis() {
        return "FILE --out DIR [--seed N] [--min-campaign N] [--max-topics N]";
    }

    @Override
    public int run(Invocation invocation) throws Exception {
        Path file = Path.of(invocation.argument(0, "FILE (JSON lines or CSV of opinions)"));
        Path out = Path.of(invocation.line().option("out")
                .orElseThrow(() -> new IllegalArgumentException("missing --out DIR (where to write the results)")));
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        AnalysisSettings settings = AnalysisSettings.defaults();
        settings = settings.withSeed(longOption(invocation, "seed", settings.seed()));
        settings = settings.withMinCampaignSize((int) longOption(invocation, "min-campaign", settings.minCampaignSize()));
        settings = settings.withMaxTopics((int) longOption(invocation, "max-topics", settings.maxTopics()));
        return analyse(file, out, settings, invocation.out(), invocation.err());
    }

    private static long longOption(Invocation invocation, String name, long fallback) {
        String value = invocation.line().option(name).orElse(null);
        if (value == null) {
            return fallback;
        }
        try {
            long v = Long.parseLong(value.strip());
            if (!name.equals("seed") && (v < 1 || v > 100_000)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number" + (name.equals("seed") ? "" : " from 1"));
        }
    }

    /** Runs the analysis; exit code 0 when the outputs were written. */
    public static int analyse(Path file, Path out, AnalysisSettings settings, PrintStream stdout, PrintStream err)
            throws IOException {
        long start = System.nanoTime();
        OpinionFileReader.Result read = OpinionFileReader.read(file, n -> err.printf("read %,d records ...%n", n));
        err.printf("read %,d records (%s): %,d opinions, %,d skipped%n", read.records(),
                read.format() == OpinionFileReader.Format.CSV ? "CSV" : "JSON lines", read.opinions().size(),
                read.skipped().size());
        Throttled progress = new Throttled(err, read.opinions().size() >= 50_000);
        OpinionAnalysis analysis = new OpinionAnalyzer(settings).analyse(read.opinions(), progress);
        Files.createDirectories(out);
        Map<String, Topic> topics = new LinkedHashMap<>();
        for (Topic t : analysis.topics()) {
            topics.put(t.id(), t);
        }
        try (Writer campaigns = writer(out.resolve("campaigns.csv")); Writer topicRows = writer(out.resolve("topics.csv"))) {
            campaigns.write("opinion_id,campaign_id\n");
            topicRows.write("opinion_id,topic_id,label\n");
            for (OpinionAssignment a : analysis.assignments()) {
                campaigns.write(Csv.quote(a.opinionId()) + "," + Csv.quote(a.campaignId()) + "\n");
                Topic t = a.topicId() == null ? null : topics.get(a.topicId());
                topicRows.write(Csv.quote(a.opinionId()) + "," + Csv.quote(a.topicId()) + ","
                        + Csv.quote(t == null ? null : label(t)) + "\n");
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        JSON.writeValue(out.resolve("summary.json").toFile(), summary(file, read, analysis, settings, seconds));
        stdout.printf("%,d opinions: %,d campaigns holding %,d opinions, %,d topics; %,d records skipped; %.1f s%n",
                analysis.opinions(), analysis.campaigns().size(), analysis.campaignOpinions(), analysis.topics().size(),
                read.skipped().size(), seconds);
        stdout.printf("wrote %s, %s and %s%n", out.resolve("campaigns.csv"), out.resolve("topics.csv"),
                out.resolve("summary.json"));
        return 0;
    }

    /** The Chinese label of a topic whose top term is Chinese, else the English one. */
    static String label(Topic t) {
        boolean chinese = !t.terms().isEmpty() && Character.UnicodeScript.of(t.terms().get(0).codePointAt(0)) == Character.UnicodeScript.HAN;
        return chinese ? t.labelZh() : t.labelEn();
    }

    private static Writer writer(Path path) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8), 1 << 16);
    }

    static Map<String, Object> summary(Path file, OpinionFileReader.Result read, OpinionAnalysis analysis,
            AnalysisSettings settings, double seconds) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("input", file.getFileName().toString());
        s.put("format", read.format() == OpinionFileReader.Format.CSV ? "csv" : "jsonl");
        s.put("records", read.records());
        s.put("opinions", analysis.opinions());
        Map<String, Object> skipped = new LinkedHashMap<>();
        skipped.put("total", read.skipped().size());
        skipped.put("byReason", read.skippedByReason());
        List<Map<String, Object>> examples = new ArrayList<>();
        for (OpinionFileReader.Skipped sk : read.skipped().subList(0, Math.min(SUMMARY_LIST_LIMIT, read.skipped().size()))) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("line", sk.line());
            e.put("id", sk.id());
            e.put("reason", sk.reason());
            examples.add(e);
        }
        skipped.put("records", examples);
        s.put("skipped", skipped);
        s.put("campaignOpinions", analysis.campaignOpinions());
        s.put("campaignCount", analysis.campaigns().size());
        List<Map<String, Object>> campaigns = new ArrayList<>();
        for (Campaign c : analysis.campaigns().subList(0, Math.min(SUMMARY_LIST_LIMIT, analysis.campaigns().size()))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("count", c.count());
            m.put("exactCopies", c.exactCopies());
            m.put("representativeId", c.representativeId());
            String text = c.representativeText();
            m.put("representativeText", text.length() > REPRESENTATIVE_CHARS ? text.substring(0, REPRESENTATIVE_CHARS) + "…" : text);
            m.put("firstSeen", c.firstSeen() == null ? null : c.firstSeen().toString());
            m.put("lastSeen", c.lastSeen() == null ? null : c.lastSeen().toString());
            m.put("channels", c.channels());
            m.put("articles", c.articles());
            campaigns.add(m);
        }
        s.put("campaigns", campaigns);
        List<Map<String, Object>> topics = new ArrayList<>();
        for (Topic t : analysis.topics()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.id());
            m.put("labelZh", t.labelZh());
            m.put("labelEn", t.labelEn());
            m.put("terms", t.terms());
            m.put("size", t.memberIds().size());
            m.put("perArticle", t.perArticle());
            topics.add(m);
        }
        s.put("topics", topics);
        s.put("heat", analysis.heat());
        Map<Stance, Integer> stances = new EnumMap<>(Stance.class);
        int none = 0;
        for (OpinionAssignment a : analysis.assignments()) {
            if (a.stance() == null) {
                none++;
            } else {
                stances.merge(a.stance(), 1, Integer::sum);
            }
        }
        Map<String, Object> stance = new LinkedHashMap<>();
        stances.forEach((k, v) -> stance.put(k.name(), v));
        stance.put("NONE", none);
        s.put("stanceHints", stance);
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("maxTextChars", OpinionFileReader.MAX_TEXT_CHARS);
        limits.put("maxRecordBytes", OpinionFileReader.MAX_RECORD_BYTES);
        s.put("limits", limits);
        s.put("settings", settings);
        s.put("seconds", Math.round(seconds * 100) / 100.0);
        return s;
    }

    /** Progress on the error stream at most once a second, for long runs only. */
    static final class Throttled implements IncrementalAnalyzer.Progress {
        private final PrintStream err;
        private final boolean enabled;
        private long last;

        Throttled(PrintStream err, boolean enabled) {
            this.err = err;
            this.enabled = enabled;
        }

        @Override
        public void report(String stage, long done, long total) {
            long now = System.nanoTime();
            if (enabled && (now - last > 1_000_000_000L || done == total)) {
                last = now;
                err.printf("%s: %,d / %,d%n", stage, done, total);
            }
        }
    }
}
