package org.megacity.citymodel.generation;

import java.util.Set;
import java.util.SplittableRandom;

/**
 * Two-syllable Chinese place names from syllables common in Chongqing's toponyms (坪, 坝, 沱, 垭, 溪,
 * 湾 …), with their Hanyu Pinyin. A polyphonic character is always read one way here (长 cháng,
 * 乐 lè); an apostrophe separates a syllable that begins with a, o or e (Xin'an), as the pinyin
 * orthography rules require.
 */
final class PlaceNames {

    /** A name without its suffix: Chinese characters and pinyin, e.g. 龙溪 / Longxi. */
    record Name(String zh, String pinyin) {
    }

    private static final String[][] FIRST = {
            {"江", "jiang"}, {"沙", "sha"}, {"九", "jiu"}, {"大", "da"}, {"南", "nan"}, {"北", "bei"},
            {"渝", "yu"}, {"巴", "ba"}, {"璧", "bi"}, {"永", "yong"}, {"长", "chang"}, {"合", "he"},
            {"铜", "tong"}, {"荣", "rong"}, {"梁", "liang"}, {"双", "shuang"}, {"龙", "long"}, {"凤", "feng"},
            {"金", "jin"}, {"银", "yin"}, {"白", "bai"}, {"青", "qing"}, {"黄", "huang"}, {"石", "shi"},
            {"云", "yun"}, {"天", "tian"}, {"新", "xin"}, {"安", "an"}, {"平", "ping"}, {"兴", "xing"},
            {"华", "hua"}, {"嘉", "jia"}, {"景", "jing"}, {"明", "ming"}, {"清", "qing"}, {"桂", "gui"},
            {"桃", "tao"}, {"松", "song"}, {"柏", "bai"}, {"梅", "mei"}, {"兰", "lan"}, {"竹", "zhu"},
            {"杨", "yang"}, {"柳", "liu"}, {"枫", "feng"}, {"樟", "zhang"}, {"榕", "rong"}, {"翠", "cui"},
            {"碧", "bi"}, {"玉", "yu"}, {"宝", "bao"}, {"东", "dong"}, {"西", "xi"}, {"中", "zhong"},
            {"上", "shang"}, {"下", "xia"}, {"朝", "chao"}, {"光", "guang"}, {"民", "min"}, {"丰", "feng"},
            {"福", "fu"}, {"寿", "shou"}, {"乐", "le"}, {"康", "kang"}, {"宁", "ning"}, {"泰", "tai"},
            {"文", "wen"}, {"德", "de"}, {"仁", "ren"}, {"春", "chun"}, {"秋", "qiu"}, {"花", "hua"},
            {"鹿", "lu"}, {"鹤", "he"}, {"马", "ma"}, {"虎", "hu"}, {"狮", "shi"}, {"鱼", "yu"},
            {"古", "gu"}, {"高", "gao"}, {"红", "hong"}, {"紫", "zi"}, {"丹", "dan"}, {"观", "guan"},
            {"望", "wang"}, {"歇", "xie"}, {"铁", "tie"}, {"盘", "pan"}, {"复", "fu"}, {"同", "tong"},
            {"人", "ren"}, {"迎", "ying"}, {"鸿", "hong"}, {"茶", "cha"}, {"桑", "sang"}, {"莲", "lian"},
            {"荷", "he"}, {"橘", "ju"}, {"李", "li"}, {"陈", "chen"}, {"王", "wang"}, {"张", "zhang"},
            {"刘", "liu"}, {"何", "he"}, {"罗", "luo"}, {"唐", "tang"}, {"邓", "deng"}, {"彭", "peng"},
            {"万", "wan"}, {"千", "qian"}, {"三", "san"}, {"五", "wu"}, {"七", "qi"}, {"温", "wen"},
            {"静", "jing"}, {"鹅", "e"}, {"恩", "en"}, {"歌", "ge"}, {"回", "hui"}, {"凉", "liang"}};

    private static final String[][] SECOND = {
            {"北", "bei"}, {"南", "nan"}, {"中", "zhong"}, {"坪", "ping"}, {"坝", "ba"}, {"坡", "po"},
            {"口", "kou"}, {"岸", "an"}, {"州", "zhou"}, {"川", "chuan"}, {"山", "shan"}, {"岭", "ling"},
            {"峰", "feng"}, {"溪", "xi"}, {"河", "he"}, {"湖", "hu"}, {"湾", "wan"}, {"滩", "tan"},
            {"桥", "qiao"}, {"门", "men"}, {"关", "guan"}, {"寺", "si"}, {"场", "chang"}, {"坊", "fang"},
            {"园", "yuan"}, {"林", "lin"}, {"塘", "tang"}, {"堰", "yan"}, {"岩", "yan"}, {"台", "tai"},
            {"亭", "ting"}, {"阳", "yang"}, {"华", "hua"}, {"兴", "xing"}, {"安", "an"}, {"宁", "ning"},
            {"平", "ping"}, {"和", "he"}, {"丰", "feng"}, {"源", "yuan"}, {"泉", "quan"}, {"水", "shui"},
            {"田", "tian"}, {"庙", "miao"}, {"垭", "ya"}, {"沱", "tuo"}, {"嘴", "zui"}, {"梁", "liang"},
            {"槽", "cao"}, {"冲", "chong"}, {"院", "yuan"}, {"店", "dian"}, {"街", "jie"}, {"苑", "yuan"},
            {"庄", "zhuang"}, {"岗", "gang"}, {"洲", "zhou"}, {"浦", "pu"}, {"港", "gang"}, {"渡", "du"},
            {"坎", "kan"}, {"沟", "gou"}, {"池", "chi"}, {"井", "jing"}, {"营", "ying"}, {"寨", "zhai"},
            {"城", "cheng"}, {"花", "hua"}, {"霞", "xia"}, {"月", "yue"}, {"星", "xing"},
            {"岛", "dao"}, {"峡", "xia"}, {"谷", "gu"}, {"原", "yuan"}, {"庆", "qing"}, {"福", "fu"},
            {"康", "kang"}, {"乐", "le"}, {"瑞", "rui"}, {"祥", "xiang"}, {"盛", "sheng"}, {"荣", "rong"},
            {"鹅", "e"}, {"恩", "en"}};

    private PlaceNames() {
    }

    /**
     * A name whose characters and whose pinyin are both not yet in {@code taken} (so that homophones
     * such as 河源 and 和源, both Heyuan, do not name two siblings), and which is added to it.
     */
    static Name draw(SplittableRandom random, Set<String> taken) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            String[] first = FIRST[random.nextInt(FIRST.length)];
            String[] second = SECOND[random.nextInt(SECOND.length)];
            if (first[0].equals(second[0])) {
                continue;
            }
            String zh = first[0] + second[0];
            String pinyin = pinyin(first[1], second[1]);
            if (!taken.contains(zh) && !taken.contains(pinyin)) {
                taken.add(zh);
                taken.add(pinyin);
                return new Name(zh, pinyin);
            }
        }
        throw new IllegalStateException("ran out of place names after " + taken.size());
    }

    /** Joins syllables into one capitalised word, with an apostrophe before a, o or e after the first. */
    static String pinyin(String... syllables) {
        StringBuilder word = new StringBuilder();
        for (String syllable : syllables) {
            if (!word.isEmpty() && "aoe".indexOf(syllable.charAt(0)) >= 0) {
                word.append('\'');
            }
            word.append(syllable);
        }
        word.setCharAt(0, Character.toUpperCase(word.charAt(0)));
        return word.toString();
    }
}
