package org.megacity.opinionanalysis.internal;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.megacity.opinionanalysis.Stance;

/**
 * The stance hint: counts the cue words of each stance (Chinese cues as substrings, English cues as
 * whole words) and names the stance with the most cues; a tie or no cue gives no hint. A support cue
 * right after a negation (不支持, "do not support", "not agree") counts as opposition.
 */
public final class StanceLexicon {

    /** The cues per stance, published so that staff can see what the hint rests on. */
    public static final Map<Stance, List<String>> CUES;

    /** Words that turn a following support cue (up to two words later) into opposition. */
    public static final List<String> NEGATIONS = List.of("不", "not", "don't", "dont", "never", "cannot", "can't", "no");

    private static final Map<String, Stance> LATIN = new HashMap<>();
    private static final List<Map.Entry<String, Stance>> CJK;

    static {
        Map<Stance, List<String>> cues = new LinkedHashMap<>();
        cues.put(Stance.SUPPORT, List.of("支持", "赞成", "同意", "拥护", "认同", "点赞", "很好", "必要",
                "support", "supports", "agree", "favor", "favour", "welcome", "endorse", "approve"));
        cues.put(Stance.OPPOSE, List.of("反对", "废除", "取消", "撤回", "抵制",
                "oppose", "opposes", "against", "reject", "object", "withdraw", "scrap", "disagree"));
        cues.put(Stance.PROPOSE_CHANGE, List.of("建议", "修改", "改为", "增加", "增设", "删除", "明确", "完善",
                "补充", "应当", "suggest", "propose", "amend", "change", "add", "delete", "clarify", "should",
                "recommend"));
        CUES = Collections.unmodifiableMap(cues);
        List<Map.Entry<String, Stance>> cjk = new java.util.ArrayList<>();
        cues.forEach((stance, words) -> words.forEach(w -> {
            if (w.chars().allMatch(c -> c < 0x80)) {
                LATIN.put(w, stance);
            } else {
                cjk.add(Map.entry(w, stance));
            }
        }));
        CJK = List.copyOf(cjk);
    }

    private StanceLexicon() {
    }

    /** The hint for a text, or {@code null}. */
    public static Stance hint(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String t = text.toLowerCase(Locale.ROOT);
        int[] score = new int[Stance.values().length];
        for (Map.Entry<String, Stance> cue : CJK) {
            String w = cue.getKey();
            for (int at = t.indexOf(w); at >= 0; at = t.indexOf(w, at + w.length())) {
                boolean negated = at > 0 && t.charAt(at - 1) == '不';
                score[negated && cue.getValue() == Stance.SUPPORT ? Stance.OPPOSE.ordinal() : cue.getValue().ordinal()]++;
            }
        }
        int sinceNegation = 99;
        int i = 0;
        int n = t.length();
        while (i < n) {
            char c = t.charAt(i);
            if (!isWordChar(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isWordChar(t.charAt(i))) {
                i++;
            }
            if (c >= 0x80) {
                continue;
            }
            String word = t.substring(start, i);
            Stance s = LATIN.get(word);
            if (s != null) {
                score[s == Stance.SUPPORT && sinceNegation <= 2 ? Stance.OPPOSE.ordinal() : s.ordinal()]++;
            }
            sinceNegation = NEGATIONS.contains(word) ? 0 : sinceNegation + 1;
        }
        Stance best = null;
        int bestScore = 0;
        boolean tie = false;
        for (Stance s : Stance.values()) {
            if (score[s.ordinal()] > bestScore) {
                best = s;
                bestScore = score[s.ordinal()];
                tie = false;
            } else if (score[s.ordinal()] == bestScore && bestScore > 0) {
                tie = true;
            }
        }
        return tie ? null : best;
    }

    private static boolean isWordChar(char c) {
        return c < 0x80 ? Character.isLetterOrDigit(c) || c == '\'' : Character.isLetterOrDigit(c);
    }
}
