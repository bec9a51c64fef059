package org.megacity.legislation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.megacity.legislation.draft.Article;
import org.megacity.legislation.draft.Draft;
import org.megacity.legislation.draft.DraftComparison;
import org.megacity.legislation.draft.DraftParser;
import org.megacity.legislation.draft.ParseOutcome;
import org.megacity.legislation.draft.Redrafting;
import org.megacity.legislation.draft.Regulations;
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

/**
 * Reading the Legislation Law (立法法: 120 articles, 6 chapters, 7 sections, 48 KB of Markdown) into
 * its structure, and diffing two versions of it (an article inserted, one deleted, one changed, 19
 * renumbered), each beside a baseline in the same run:
 * <ul>
 * <li>{@code parse} ({@link DraftParser}: every line classified, numbering checked, ids assigned)
 *     against {@code parseBaselineRegexSplit}: a naive regex split of the same text at each line that
 *     begins with 第X条, no structure, no checks;</li>
 * <li>{@code diff} ({@link DraftComparison}: pairing, moves, renumbering, character edits of the
 *     changed article) against {@code diffBaselineLcs}: a plain longest-common-subsequence table over
 *     the two lists of article texts.</li>
 * </ul>
 * Targets: parse under 50 ms, diff under 20 ms.
 *
 * <p>Run: {@code ./megacity bench Legislation}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class LegislationBenchmark {

    private static final Pattern ARTICLE_START = Pattern.compile("(?m)^(?=第[一二三四五六七八九十百千零]+条)");

    private String law;
    private Draft first;
    private Draft second;
    private List<String> firstTexts;
    private List<String> secondTexts;

    @Setup
    public void prepare() {
        law = Regulations.LEGISLATION_LAW.text();
        first = Regulations.parse(law);
        second = Regulations.parse(Redrafting.of(first)
                .change(40, first.articles().get(39).text().replace("三十日", "四十五日"))
                .insertAfter(60, "地方性法规草案应当通过基层立法联系点听取群众意见。")
                .delete(91).text());
        if (first.articleCount() != 120 || DraftComparison.between(first, second).substantive().size() != 3) {
            throw new IllegalStateException("benchmark input is not what it should be");
        }
        firstTexts = first.articles().stream().map(Article::text).toList();
        secondTexts = second.articles().stream().map(Article::text).toList();
    }

    @Benchmark
    public Object parse() {
        return switch (DraftParser.parse(law)) {
            case ParseOutcome.Parsed parsed -> parsed.draft();
            case ParseOutcome.Rejected rejected -> throw new IllegalStateException(rejected.toString());
        };
    }

    @Benchmark
    public Object parseBaselineRegexSplit() {
        String[] pieces = ARTICLE_START.split(law);
        List<String> articles = new ArrayList<>(pieces.length);
        for (int i = 1; i < pieces.length; i++) {
            articles.add(pieces[i].strip());
        }
        return articles;
    }

    @Benchmark
    public Object diff() {
        return DraftComparison.between(first, second);
    }

    @Benchmark
    public Object diffBaselineLcs() {
        int n = firstTexts.size();
        int m = secondTexts.size();
        int[][] table = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                table[i][j] = firstTexts.get(i).equals(secondTexts.get(j)) ? table[i + 1][j + 1] + 1
                        : Math.max(table[i + 1][j], table[i][j + 1]);
            }
        }
        List<int[]> kept = new ArrayList<>();
        for (int i = 0, j = 0; i < n && j < m;) {
            if (firstTexts.get(i).equals(secondTexts.get(j))) {
                kept.add(new int[] {i++, j++});
            } else if (table[i + 1][j] >= table[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return kept;
    }
}
