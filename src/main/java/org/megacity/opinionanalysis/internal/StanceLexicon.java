package org.megacity.opinionanalysis.internal;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.megacity.opinionanalysis.Stance;

/**
 * The stance hint: counts cue words of each stance (Chinese cues as substrings, English cues as
 * whole words, negated support cues such as 不支持 count as opposition) and names the stance with the
 * most cues; a tie or no cue gives no hint.
 */
public final class StanceLexicon {

    /** The cues per stance, published so that staff can see what the hint rests on. */
    public static final Map<Stance, List<String>> CUES;

    private static final List<String> NEGATED_SUPPORT = List.of("不支持", "不赞成", "不同意", "不拥护", "不认同",
            "do not support", "don't support", "not support", "do not agree", "don't agree", "disagree");

    static {
        Map<Stance, List<String>> cues = new LinkedHashMap<>();
        cues.put(Stance.SUPPORT, List.of("支持", "赞成", "同意", "拥护", "认同", "点赞", "很好", "必要",
                "support", "supports", "agree", "favor", "favour", "welcome", "endorse", "approve"));
        cues.put(Stance.OPPOSE, List.of("反对", "不支持", "不赞成", "不同意", "废除", "取消", "撤回", "抵制",
                "oppose", "opposes", "against", "reject", "object", "withdraw", "scrap", "disagree"));
        cues.put(Stance.PROPOSE_CHANGE, List.of("建议", "修改", "改为", "增加", "增设", "删除", "明确", "完善",
                "补充", "应当", "suggest", "propose", "amend", "change", "add", "delete", "clarify", "should",
                "recommend"));
        CUES = java.util.Collections.unmodifiableMap(cues);
    }

    private StanceLexicon() {
    }

    /** The hint for a text, or {@code null}. */
    public static Stance hint(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        int negated = 0;
        for (String cue : NEGATED_SUPPORT) {
            int at = t.indexOf(cue);
            while (at >= 0) {
                negated++;
                t = t.substring(0, at) + " " + t.substring(at + cue.length());
                at = t.indexOf(cue);
            }
        }
        String padded = " " + t.replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
        int[] score = new int[Stance.values().length];
        score[Stance.OPPOSE.ordinal()] += negated;
        for (Map.Entry<Stance, List<String>> e : CUES.entrySet()) {
            for (String cue : e.getValue()) {
                boolean latin = cue.chars().allMatch(c -> c < 0x80);
                String needle = latin ? " " + cue + " " : cue;
                String hay = latin ? padded : t;
                int at = hay.indexOf(needle);
                while (at >= 0) {
                    score[e.getKey().ordinal()]++;
                    at = hay.indexOf(needle, at + needle.length() - (latin ? 1 : 0));
                }
            }
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
}
