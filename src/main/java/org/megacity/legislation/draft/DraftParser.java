package org.megacity.legislation.draft;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Chinese legal text, plain or in the Markdown of the public law collections, into a
 * {@link Draft}: books (编), sub-books (分编), chapters (章), sections (节), articles (条), paragraphs
 * (款), items (项, （一）) and sub-items (目, 1. or （1）), as the Legislation Law (Art. 65) describes them.
 *
 * <p>One pass over the lines. Markdown headings ({@code #}) are recognised by what they say, not by
 * their level, so plain text (the same lines without {@code #}) reads the same. Before the first
 * division or article come the title (the {@code #} line, or the first line of plain text), the
 * lines recording adoption and amendment (up to {@code <!-- INFO END -->} in Markdown; lines that
 * begin with a date in plain text) and a preamble; a table of contents (目录) is skipped.
 *
 * <p>Articles must be numbered 第一条, 第二条, … across the text (an amended text may insert
 * 第十条之一 after 第十条); divisions 1, 2, … within their parent; items and sub-items 1, 2, …
 * within their paragraph or item. Anything else is refused with the line it happened on, as is a
 * text with no article at all; the parser never throws on bad input.
 */
public final class DraftParser {

    /** The longest text accepted, in characters. */
    public static final int MAX_CHARS = 4_000_000;
    /** The longest line accepted, in characters. */
    public static final int MAX_LINE = 50_000;
    /** The longest heading of a book, chapter or section, in characters. */
    public static final int MAX_HEADING = 500;
    private static final int MAX_PROBLEMS = 20;
    private static final String NUMERAL = "[零〇一二两三四五六七八九十百千万]+";
    private static final Pattern ARTICLE = Pattern.compile("第(" + NUMERAL + ")条(?:之(" + NUMERAL + "))?(.*)");
    private static final Pattern DIVISION = Pattern.compile("第(" + NUMERAL + ")(分编|编|章|节)(.*)");
    private static final Pattern ITEM = Pattern.compile("[（(](" + NUMERAL + ")[）)](.*)");
    private static final Pattern SUB_DOT = Pattern.compile("([0-9]{1,3})[.．、](?![0-9])(.*)");
    private static final Pattern SUB_PAREN = Pattern.compile("[（(]([0-9]{1,3})[）)](.*)");
    /** A line recording adoption or amendment: it begins with a date. */
    static final Pattern DATE_LINE = Pattern.compile("[（(]?[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日.*");
    private static final Pattern HAN_GAP = Pattern.compile("(?<=\\p{IsHan})[\\s\\u3000\\u00a0]+(?=\\p{IsHan})");
    /** Characters after 第X条 that show a cross-reference (第十条规定的…), not an article. */
    private static final String REFERENCE_FOLLOWERS = "规的之、，,和或及至中款项第与所上下前后";

    private final List<ParseOutcome.Problem> problems = new ArrayList<>();
    private String title;
    private final List<String> history = new ArrayList<>();
    private final List<String> preamble = new ArrayList<>();
    private final List<Object> top = new ArrayList<>();
    private final List<DivisionBuilder> open = new ArrayList<>();
    private ArticleBuilder article;
    private ParagraphBuilder paragraph;
    private ArticleNumber lastArticle;
    private final Map<ArticleNumber, Integer> articleLines = new HashMap<>();
    private boolean structureStarted;
    private boolean markdownInfo;
    private boolean infoEnded;
    private boolean inToc;
    private String tocFirst;
    private boolean inComment;
    private boolean preambleStarted;

    private DraftParser() {
    }

    /** Reads {@code text}; never throws on any input. */
    public static ParseOutcome parse(String text) {
        if (text == null) {
            return new ParseOutcome.Rejected(List.of(new ParseOutcome.Problem(1, "no text")));
        }
        if (text.length() > MAX_CHARS) {
            return new ParseOutcome.Rejected(List.of(new ParseOutcome.Problem(1,
                    "the text has " + text.length() + " characters; at most " + MAX_CHARS + " are accepted")));
        }
        return new DraftParser().read(text);
    }

    private ParseOutcome read(String text) {
        markdownInfo = text.contains("<!-- INFO END -->");
        int lineNumber = 0;
        int start = 0;
        int n = text.length();
        while (start <= n && problems.size() < MAX_PROBLEMS) {
            int end = start;
            while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            lineNumber++;
            String line = text.substring(start, end);
            if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            readLine(lineNumber, line);
            if (end < n && text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n') {
                end++;
            }
            start = end + 1;
            if (end >= n) {
                break;
            }
        }
        if (problems.size() < MAX_PROBLEMS) {
            closeArticle();
        }
        if (!problems.isEmpty()) {
            return new ParseOutcome.Rejected(problems);
        }
        if (inComment) {
            return reject(lineNumber, "an HTML comment (<!--) is not closed");
        }
        List<Node> body = build(top, "");
        Draft draft = new Draft(title, history, preamble, body);
        if (draft.articleCount() == 0) {
            return reject(1, "no article found: a regulation's articles begin a line with 第一条, 第二条, …;"
                    + " this text does not look like a regulation");
        }
        for (Division division : draft.divisions()) {
            if (articlesIn(division) == 0) {
                return reject(division.line(), division.num() + (division.heading().isEmpty() ? "" : " " + division.heading())
                        + " holds no article");
            }
        }
        return new ParseOutcome.Parsed(draft);
    }

    private static int articlesIn(Division division) {
        int count = 0;
        for (Node child : division.children()) {
            count += child instanceof Division d ? articlesIn(d) : 1;
        }
        return count;
    }

    private ParseOutcome reject(int line, String message) {
        return new ParseOutcome.Rejected(List.of(new ParseOutcome.Problem(line, message)));
    }

    private void problem(int line, String message) {
        problems.add(new ParseOutcome.Problem(line, message));
    }

    private void readLine(int number, String raw) {
        if (raw.length() > MAX_LINE) {
            problem(number, "the line has " + raw.length() + " characters; at most " + MAX_LINE + " are accepted");
            return;
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean bad = (c < 0x20 && c != '\t') || c == 0x7f || c == '\uFFFE' || c == '\uFFFF'
                    || (Character.isHighSurrogate(c) && (i + 1 >= raw.length() || !Character.isLowSurrogate(raw.charAt(i + 1))))
                    || (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(raw.charAt(i - 1))));
            if (bad) {
                problem(number, String.format("character U+%04X (column %d) is not allowed in a legal text", (int) c, i + 1));
                return;
            }
        }
        String line = trim(raw);
        if (inComment) {
            if (line.endsWith("-->")) {
                inComment = false;
            }
            return;
        }
        if (line.isEmpty()) {
            return;
        }
        if (line.startsWith("<!--")) {
            if (line.contains("INFO END")) {
                infoEnded = true;
            }
            if (!line.endsWith("-->")) {
                inComment = true;
            }
            return;
        }
        boolean heading = false;
        if (startsWithHeadingMarker(line)) {
            int hashes = 0;
            while (hashes < line.length() && line.charAt(hashes) == '#') {
                hashes++;
            }
            heading = true;
            line = trim(line.substring(hashes));
            if (line.isEmpty()) {
                return;
            }
            // "## ## 第一章" or "## <!-- …" is no heading anyone meant, and kept as text it would be
            // written back as a heading or a comment: reading the same text twice must give the same draft
            if (startsWithHeadingMarker(line)) {
                problem(number, "a heading's text begins with '#' again; write one heading marker (#, ##, …) before it");
                return;
            }
            if (line.startsWith("<!--")) {
                problem(number, "a heading's text begins with an HTML comment (<!--); put the comment on a line of its own");
                return;
            }
            if (hashes == 1 && title == null && !structureStarted && !isStructural(line)) {
                title = squeeze(line);
                return;
            }
        }
        // headings such as 目　录, 附　则 are short; body lines need no compacting (a measured hot spot)
        String compact = line.length() <= 24 ? withoutSpaces(line) : line;
        boolean startsWithDi = line.charAt(0) == '第';
        if (inToc) {
            if (compact.equals(tocFirst)) {
                inToc = false;
            } else if ((startsWithDi && DIVISION.matcher(line).matches()) || compact.equals("附则")
                    || compact.equals("序言")) {
                if (tocFirst == null) {
                    tocFirst = compact;
                }
                return;
            } else {
                inToc = false;
            }
        }
        if (article == null && compact.equals("目录")) {
            inToc = true;
            tocFirst = null;
            return;
        }
        if (article == null && open.isEmpty() && compact.equals("序言")) {
            preambleStarted = true;
            return;
        }
        if (compact.equals("附则")) {
            openDivision(number, DivisionLevel.CLOSING, 0, "附则");
            return;
        }
        Matcher division = startsWithDi ? DIVISION.matcher(line) : null;
        if (division != null && division.matches()) {
            String rest = division.group(3);
            if (rest.isEmpty() || Character.isWhitespace(rest.charAt(0)) || rest.charAt(0) == '\u3000' || heading) {
                OptionalInt value = ChineseNumerals.parse(division.group(1));
                if (value.isEmpty()) {
                    problem(number, "'" + division.group(1) + "' is not a well-formed Chinese numeral");
                    return;
                }
                DivisionLevel level = switch (division.group(2)) {
                    case "编" -> DivisionLevel.BOOK;
                    case "分编" -> DivisionLevel.SUBBOOK;
                    case "章" -> DivisionLevel.CHAPTER;
                    default -> DivisionLevel.SECTION;
                };
                openDivision(number, level, value.getAsInt(), squeeze(HAN_GAP.matcher(trim(rest)).replaceAll("")));
                return;
            }
        }
        if (heading && structureStarted) {
            problem(number, "the heading '" + shorten(line) + "' is not a book, chapter or section (第X编, 第X章, 第X节)");
            return;
        }
        Matcher articleMatch = startsWithDi ? ARTICLE.matcher(line) : null;
        if (articleMatch != null && articleMatch.matches() && startArticle(number, articleMatch)) {
            return;
        }
        if (article == null) {
            headLine(number, line);
            return;
        }
        char first = line.charAt(0);
        Matcher item = first == '（' || first == '(' ? ITEM.matcher(line) : null;
        if (item != null && item.matches()) {
            OptionalInt value = ChineseNumerals.parse(item.group(1));
            if (value.isEmpty()) {
                problem(number, "'" + item.group(1) + "' is not a well-formed Chinese numeral");
                return;
            }
            addItem(number, value.getAsInt(), trim(item.group(2)));
            return;
        }
        if (paragraph != null && !paragraph.items.isEmpty() && (first == '（' || first == '(' || (first >= '0' && first <= '9'))) {
            Matcher sub = SUB_DOT.matcher(line);
            SubItem.Style style = SubItem.Style.DOT;
            if (!sub.matches()) {
                sub = SUB_PAREN.matcher(line);
                style = SubItem.Style.PAREN;
            }
            if (sub.matches()) {
                addSubItem(number, Integer.parseInt(sub.group(1)), style, trim(sub.group(2)));
                return;
            }
        }
        paragraph = new ParagraphBuilder(line, number);
        article.paragraphs.add(paragraph);
    }

    /** A run of one to six {@code #} and then a space or the end of the line. */
    private static boolean startsWithHeadingMarker(String line) {
        int hashes = 0;
        while (hashes < line.length() && line.charAt(hashes) == '#') {
            hashes++;
        }
        return hashes > 0 && hashes <= 6 && (hashes == line.length() || Character.isWhitespace(line.charAt(hashes)));
    }

    private static boolean isStructural(String line) {
        return DIVISION.matcher(line).matches() || ARTICLE.matcher(line).matches();
    }

    private void headLine(int number, String line) {
        if (structureStarted) {
            problem(number, "text between a heading and its first article: '" + shorten(line) + "'");
            return;
        }
        String text = squeeze(line);
        if (markdownInfo) {
            if (!infoEnded) {
                history.add(text);
            } else if (!sameAsTitle(text)) {
                preamble.add(text);
            }
            return;
        }
        if (!preambleStarted && preamble.isEmpty() && DATE_LINE.matcher(text).matches()) {
            history.add(text);
        } else if (!preambleStarted && preamble.isEmpty() && text.length() > 2 && text.startsWith("（")
                && text.endsWith("）")) {
            history.add(trim(text.substring(1, text.length() - 1)));
        } else if (title == null && history.isEmpty() && !preambleStarted) {
            title = text;
        } else if (!sameAsTitle(text)) {
            preamble.add(text);
        }
    }

    private boolean sameAsTitle(String text) {
        return title != null && text.replaceAll("\\s", "").equals(title.replaceAll("\\s", ""));
    }

    private void openDivision(int line, DivisionLevel level, int number, String heading) {
        if (heading.length() > MAX_HEADING) {
            problem(line, "the heading has " + heading.length() + " characters; at most " + MAX_HEADING + " are accepted");
        }
        closeArticle();
        structureStarted = true;
        if (level == DivisionLevel.CLOSING) {
            open.clear();
        } else {
            while (!open.isEmpty() && open.getLast().level.rank() >= level.rank()) {
                open.removeLast();
            }
            if (!open.isEmpty() && open.getLast().level == DivisionLevel.CLOSING) {
                open.clear();
            }
        }
        if (level == DivisionLevel.SECTION && (open.isEmpty() || open.getLast().level != DivisionLevel.CHAPTER)) {
            problem(line, level.numbered(number) + " stands outside a chapter (第X章)");
            return;
        }
        if (level == DivisionLevel.SUBBOOK && (open.isEmpty() || open.getLast().level != DivisionLevel.BOOK)) {
            problem(line, level.numbered(number) + " stands outside a book (第X编)");
            return;
        }
        List<Object> siblings = open.isEmpty() ? top : open.getLast().children;
        if (level != DivisionLevel.CLOSING) {
            int previous = 0;
            for (Object sibling : siblings) {
                if (sibling instanceof DivisionBuilder d && d.level == level) {
                    previous = d.number;
                }
            }
            if (number != previous + 1) {
                String expected = level.numbered(previous + 1);
                problem(line, level.numbered(number) + (number <= previous ? " repeats or goes back after "
                        + level.numbered(previous) : previous == 0 ? " comes first in its part"
                        : " follows " + level.numbered(previous)) + "; expected " + expected);
                return;
            }
        } else {
            for (Object sibling : top) {
                if (sibling instanceof DivisionBuilder d && d.level == DivisionLevel.CLOSING) {
                    problem(line, "a second 附则 (closing provisions)");
                    return;
                }
            }
        }
        DivisionBuilder division = new DivisionBuilder(level, number, heading, line);
        siblings.add(division);
        open.add(division);
    }

    private boolean startArticle(int line, Matcher match) {
        String rest = match.group(3);
        boolean spaced = rest.isEmpty() || Character.isWhitespace(rest.charAt(0)) || rest.charAt(0) == '\u3000'
                || rest.charAt(0) == '\u00a0' || rest.charAt(0) == '【';
        OptionalInt main = ChineseNumerals.parse(match.group(1));
        OptionalInt sub = match.group(2) == null ? OptionalInt.of(0) : ChineseNumerals.parse(match.group(2));
        if (main.isEmpty() || sub.isEmpty()) {
            if (spaced) {
                problem(line, "'" + match.group(0).substring(0, Math.min(match.group(0).length(), 12))
                        + "' is not a well-formed article number");
                return true;
            }
            return false;
        }
        ArticleNumber number = new ArticleNumber(main.getAsInt(), sub.getAsInt());
        if (!spaced) {
            // 第十一条规定的… is a reference; 第十一条为了… (no space) is the next article
            if (!number.follows(lastArticle) || REFERENCE_FOLLOWERS.indexOf(rest.charAt(0)) >= 0) {
                return false;
            }
        }
        closeArticle();
        structureStarted = true;
        Integer seen = articleLines.get(number);
        if (seen != null) {
            problem(line, "duplicate article number " + number.text() + " (already at line " + seen + ")");
        } else if (!number.follows(lastArticle)) {
            String expected = lastArticle == null ? "第一条" : ArticleNumber.of(lastArticle.main() + 1).text();
            problem(line, number.text() + (lastArticle == null ? " is the first article" : " follows " + lastArticle.text())
                    + "; expected " + expected);
        }
        articleLines.putIfAbsent(number, line);
        lastArticle = number;
        String text = trim(rest);
        String heading = null;
        if (text.startsWith("【")) {
            int close = text.indexOf('】');
            if (close > 0) {
                heading = trim(text.substring(1, close));
                text = trim(text.substring(close + 1));
            }
        }
        article = new ArticleBuilder(number, heading, line);
        if (!text.isEmpty()) {
            paragraph = new ParagraphBuilder(text, line);
            article.paragraphs.add(paragraph);
        }
        List<Object> siblings = open.isEmpty() ? top : open.getLast().children;
        siblings.add(article);
        return true;
    }

    private void addItem(int line, int number, String text) {
        if (paragraph == null) {
            paragraph = new ParagraphBuilder("", line);
            article.paragraphs.add(paragraph);
        }
        int previous = paragraph.items.isEmpty() ? 0 : paragraph.items.getLast().number;
        if (number != previous + 1) {
            problem(line, "item （" + ChineseNumerals.format(number) + "） follows "
                    + (previous == 0 ? "the paragraph" : "（" + ChineseNumerals.format(previous) + "）")
                    + "; expected （" + ChineseNumerals.format(previous + 1) + "）");
            return;
        }
        if (text.isEmpty()) {
            problem(line, "item （" + ChineseNumerals.format(number) + "） has no text");
            return;
        }
        paragraph.items.add(new ItemBuilder(number, text, line));
    }

    private void addSubItem(int line, int number, SubItem.Style style, String text) {
        ItemBuilder item = paragraph.items.getLast();
        int previous = item.subItems.isEmpty() ? 0 : item.subItems.getLast().number();
        if (number != previous + 1) {
            problem(line, "sub-item " + number + " follows " + (previous == 0 ? "its item" : "sub-item " + previous)
                    + "; expected " + (previous + 1));
            return;
        }
        if (text.isEmpty()) {
            problem(line, "sub-item " + number + " has no text");
            return;
        }
        item.subItems.add(new SubItem(number, style, text, null, line));
    }

    private void closeArticle() {
        if (article != null && article.paragraphs.isEmpty()) {
            problem(article.line, article.number.text() + " has no text");
        }
        article = null;
        paragraph = null;
    }

    private static List<Node> build(List<Object> nodes, String prefix) {
        List<Node> out = new ArrayList<>(nodes.size());
        for (Object node : nodes) {
            if (node instanceof DivisionBuilder d) {
                String eId = prefix + d.level.ref() + (d.level == DivisionLevel.CLOSING ? "" : "_" + d.number);
                out.add(new Division(d.level, d.number, d.heading, eId, build(d.children, eId + "__"), d.line));
            } else if (node instanceof ArticleBuilder a) {
                String eId = prefix + "art_" + a.number.idPart();
                List<Paragraph> paragraphs = new ArrayList<>();
                for (int p = 0; p < a.paragraphs.size(); p++) {
                    ParagraphBuilder pb = a.paragraphs.get(p);
                    String paraId = eId + "__para_" + (p + 1);
                    List<Item> items = new ArrayList<>();
                    for (ItemBuilder ib : pb.items) {
                        String itemId = paraId + "__list_1__point_" + ib.number;
                        List<SubItem> subs = ib.subItems.stream().map(s -> new SubItem(s.number(), s.style(), s.text(),
                                itemId + "__list_1__point_" + s.number(), s.line())).toList();
                        items.add(new Item(ib.number, ib.text, itemId, subs, ib.line));
                    }
                    paragraphs.add(new Paragraph(pb.lead, paraId, items, pb.line));
                }
                out.add(new Article(a.number, a.heading, eId, paragraphs, a.line));
            }
        }
        return out;
    }

    private static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u3000' || c == '\u00a0' || c == '\u200b' || c == '\uFEFF';
    }

    private static String withoutSpaces(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (!isSpace(s.charAt(i))) {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }

    private static String squeeze(String s) {
        return trim(s).replaceAll("[\\s\\u3000\\u00a0]+", " ");
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static final class DivisionBuilder {
        final DivisionLevel level;
        final int number;
        final String heading;
        final int line;
        final List<Object> children = new ArrayList<>();

        DivisionBuilder(DivisionLevel level, int number, String heading, int line) {
            this.level = level;
            this.number = number;
            this.heading = heading;
            this.line = line;
        }
    }

    private static final class ArticleBuilder {
        final ArticleNumber number;
        final String heading;
        final int line;
        final List<ParagraphBuilder> paragraphs = new ArrayList<>();

        ArticleBuilder(ArticleNumber number, String heading, int line) {
            this.number = number;
            this.heading = heading;
            this.line = line;
        }
    }

    private static final class ParagraphBuilder {
        final String lead;
        final int line;
        final List<ItemBuilder> items = new ArrayList<>();

        ParagraphBuilder(String lead, int line) {
            this.lead = lead;
            this.line = line;
        }
    }

    private static final class ItemBuilder {
        final int number;
        final String text;
        final int line;
        final List<SubItem> subItems = new ArrayList<>();

        ItemBuilder(int number, String text, int line) {
            this.number = number;
            this.text = text;
            this.line = line;
        }
    }
}
