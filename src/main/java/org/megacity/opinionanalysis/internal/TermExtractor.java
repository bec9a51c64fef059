package org.megacity.opinionanalysis.internal;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The words of an opinion for topics: Lucene smartcn's HMM segmentation (Chinese words; Latin
 * words and numbers come out whole), lower-cased, without stop words (smartcn's, Lucene's English
 * ones, and the function and filler words of opinions listed here), without single characters and
 * numbers. Words are not stemmed, so that labels stay readable.
 */
public final class TermExtractor {

    /** Words too common in opinions on a draft to tell topics apart. */
    static final List<String> OPINION_STOP_WORDS = List.of(
            "我们", "你们", "他们", "这个", "那个", "一个", "没有", "可以", "因为", "所以", "但是", "如果", "就是",
            "还是", "或者", "以及", "应该", "应当", "希望", "建议", "认为", "觉得", "支持", "反对", "同意", "草案", "条例",
            "规定", "本条", "条款", "意见", "非常", "进一步", "相关", "问题", "进行", "我市", "本市", "对于", "关于",
            "作为", "已经", "需要", "目前", "这样", "其中", "一些", "这些", "能够", "通过", "要求", "情况", "我是",
            "居民", "市民", "此致", "敬礼", "谢谢", "第一", "第二", "第三", "第四", "第五", "什么", "怎么", "自己",
            "draft", "article", "regulation", "regulations", "opinion", "please", "would", "could", "should",
            "also", "think", "believe", "support", "oppose", "suggest", "thank", "thanks", "dear", "resident",
            "citizen", "very", "more", "must", "which", "from", "have", "has", "been", "about", "this", "that",
            "than", "them", "they", "their", "there", "what", "when", "where", "will", "with", "your", "our", "we",
            "i", "am", "my", "me", "us", "it's", "i'm", "don't", "too", "within", "since", "why", "nobody", "take", "last",
            "just", "still", "really", "many", "some", "most");

    private static final CharArraySet STOP = stopSet();

    /** Single characters that are function words, never joined into a term. */
    static final String STOP_CHARS = "的了是在和对要都也就把被让给与及或而但又还很太更最不没这那我你他她它们个之其以为于从向到上下中内"
            + "外将会能可请吗呢吧啊呀哦着过得地所等各每某该此并且如若则即再已才只仅便使由";

    private static final Analyzer ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new HMMChineseTokenizer();
            TokenStream stream = new LowerCaseFilter(tokenizer);
            stream = new StopFilter(stream, STOP);
            return new TokenStreamComponents(tokenizer, stream);
        }
    };

    private TermExtractor() {
    }

    private static CharArraySet stopSet() {
        CharArraySet set = new CharArraySet(512, true);
        set.addAll(SmartChineseAnalyzer.getDefaultStopSet());
        set.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        set.addAll(OPINION_STOP_WORDS);
        return set;
    }

    /** The terms of a text in order; never throws (a text the segmenter cannot read gives none). */
    public static List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        String clean = Normalizer.normalize(dropLoneSurrogates(text), Normalizer.Form.NFKC);
        try (TokenStream stream = ANALYZER.tokenStream("text", clean)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            StringBuilder run = new StringBuilder();
            int runEnd = -1;
            while (stream.incrementToken()) {
                String t = term.toString();
                boolean single = t.codePointCount(0, t.length()) == 1 && TextNormalizer.isCjk(t.codePointAt(0))
                        && STOP_CHARS.indexOf(t) < 0;
                if (single && offset.startOffset() == runEnd) {
                    run.append(t);
                } else {
                    flush(run, out);
                    if (single) {
                        run.append(t);
                    } else if (keep(t)) {
                        out.add(t);
                    }
                }
                runEnd = single ? offset.endOffset() : -1;
            }
            flush(run, out);
            stream.end();
        } catch (IOException | RuntimeException e) {
            return out;
        }
        return out;
    }

    /**
     * Adjacent single characters that the segmenter's dictionary did not join (养 犬, 遛 狗) are
     * joined into one term (养犬, 遛狗); a lone one is dropped.
     */
    private static void flush(StringBuilder run, List<String> out) {
        if (run.length() > 0) {
            String joined = run.toString();
            if (joined.codePointCount(0, joined.length()) >= 2 && !STOP.contains(joined)) {
                out.add(joined);
            }
            run.setLength(0);
        }
    }

    static boolean keep(String t) {
        int cps = t.codePointCount(0, t.length());
        if (cps < 2) {
            return false;
        }
        boolean letter = false;
        for (int i = 0; i < t.length(); ) {
            int cp = t.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                letter = true;
            } else if (!Character.isDigit(cp)) {
                return false;
            }
        }
        if (!letter) {
            return false;
        }
        boolean han = TextNormalizer.isCjk(t.codePointAt(0));
        return han || cps >= 3;
    }

    private static String dropLoneSurrogates(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean lone = Character.isHighSurrogate(c) ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
            if (lone && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (b != null && !lone) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }
}
