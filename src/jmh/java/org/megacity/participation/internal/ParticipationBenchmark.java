package org.megacity.participation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.megacity.legislation.DraftVersion;
import org.megacity.legislation.draft.ChineseNumerals;
import org.megacity.legislation.draft.Draft;
import org.megacity.legislation.draft.Regulations;
import org.megacity.participation.Channel;
import org.megacity.participation.OpinionAnalysis;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Two costs of a large consultation, each beside a baseline in the same run:
 * <ul>
 * <li>{@code campaigns}: {@link ExactDuplicates} over 100,000 opinions shaped like a form-letter
 *     flood (94 % copies of 20 templates with whitespace varied, 6 % unique, as the FCC docket was),
 *     against {@code campaignsBaselineRawText}: grouping by the raw text, no normalisation (which
 *     misses the whitespace variants);</li>
 * <li>{@code anchor}: finding 1,000 submitted element ids (eIds and wIds) in a 1,260-article code
 *     through the participation's cached index, against {@code anchorBaselineScan}:
 *     {@link DraftVersion#element}, which lists the version's elements on each call.</li>
 * </ul>
 *
 * <p>Run: {@code ./megacity bench Participation}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class ParticipationBenchmark {

    private List<OpinionAnalysis.OpinionText> flood;
    private DraftVersion code;
    private Participation.Indexed index;
    private List<String> ids;
    private final ExactDuplicates analysis = new ExactDuplicates();

    @Setup
    public void prepare() {
        Random random = new Random(7);
        List<String> templates = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            templates.add("我坚决支持本条例第" + (t + 1) + "条的规定，建议进一步加强管线安全巡查和信息公开，保障市民的生命财产安全。"
                    + "这是第 " + t + " 种表述。");
        }
        flood = new ArrayList<>(100_000);
        for (int i = 0; i < 100_000; i++) {
            String text;
            if (random.nextInt(100) < 6) {
                text = "独立意见 " + i + "：" + Long.toHexString(random.nextLong()) + " 建议修改第" + random.nextInt(57) + "条。";
            } else {
                text = templates.get(random.nextInt(20));
                if (random.nextBoolean()) {
                    text = "  " + text.replace("，", "， ") + "\n";
                }
            }
            flood.add(new OpinionAnalysis.OpinionText("o" + i, "art_" + random.nextInt(57), Channel.ONLINE, text));
        }

        StringBuilder text = new StringBuilder("某市示范法典\n");
        int article = 1;
        for (int chapter = 1; chapter <= 60; chapter++) {
            text.append("第").append(ChineseNumerals.format(chapter)).append("章　第").append(chapter).append("章\n");
            for (int k = 0; k < 21; k++, article++) {
                text.append("第").append(ChineseNumerals.format(article)).append("条　第").append(article)
                        .append("条的规定内容，包括下列事项：\n（一）第一项；\n（二）第二项。\n前款规定的事项，由市人民政府另行规定。\n");
            }
        }
        Draft draft = Regulations.parse(text.toString());
        Map<String, String> workIds = new HashMap<>();
        code = new DraftVersion(new DraftVersion.Summary("bench", 1, draft.title(), null, draft.articleCount(),
                Instant.EPOCH), draft, workIds);
        index = Participation.Indexed.of(code);
        List<DraftVersion.Element> elements = code.elements();
        ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(elements.get(random.nextInt(elements.size())).eId());
        }
        if (draft.articleCount() != 1260) {
            throw new IllegalStateException("expected 1,260 articles, got " + draft.articleCount());
        }
    }

    @Benchmark
    public List<OpinionAnalysis.OpinionGroup> campaigns() {
        return analysis.groups(flood);
    }

    @Benchmark
    public Map<String, List<String>> campaignsBaselineRawText() {
        return flood.stream().collect(Collectors.groupingBy(OpinionAnalysis.OpinionText::text,
                Collectors.mapping(OpinionAnalysis.OpinionText::opinionId, Collectors.toList())));
    }

    @Benchmark
    public void anchor(Blackhole sink) {
        for (String id : ids) {
            sink.consume(index.element(id).orElseThrow());
        }
    }

    @Benchmark
    public void anchorBaselineScan(Blackhole sink) {
        for (String id : ids) {
            sink.consume(code.element(id).orElseThrow());
        }
    }
}
