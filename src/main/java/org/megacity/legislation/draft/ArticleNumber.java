package org.megacity.legislation.draft;

/**
 * An article's number: 第十二条 is (12, 0); an article inserted by amendment, 第十二条之一, is (12, 1).
 */
public record ArticleNumber(int main, int sub) implements Comparable<ArticleNumber> {

    public ArticleNumber {
        if (main < 1 || main > ChineseNumerals.MAX || sub < 0 || sub > ChineseNumerals.MAX) {
            throw new IllegalArgumentException("no article number " + main + "-" + sub);
        }
    }

    public static ArticleNumber of(int main) {
        return new ArticleNumber(main, 0);
    }

    /** As written: 第十二条, 第十二条之一. */
    public String text() {
        return "第" + ChineseNumerals.format(main) + "条" + (sub == 0 ? "" : "之" + ChineseNumerals.format(sub));
    }

    /** The number part of the {@code eId}: {@code 12}, {@code 12-1}. */
    public String idPart() {
        return sub == 0 ? Integer.toString(main) : main + "-" + sub;
    }

    /** Whether this number may follow {@code previous} (the next article, or the next 之 article). */
    public boolean follows(ArticleNumber previous) {
        return previous == null ? main == 1 && sub == 0
                : (main == previous.main + 1 && sub == 0) || (main == previous.main && sub == previous.sub + 1);
    }

    @Override
    public int compareTo(ArticleNumber other) {
        return main != other.main ? Integer.compare(main, other.main) : Integer.compare(sub, other.sub);
    }

    @Override
    public String toString() {
        return text();
    }
}
