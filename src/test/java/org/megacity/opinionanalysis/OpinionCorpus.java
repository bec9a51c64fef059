package org.megacity.opinionanalysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A labelled corpus of opinions on real kinds of draft regulations, for the quality test and the
 * benchmarks. Campaigns are form letters (Chinese and English templates with {@code {a|b|c}}
 * synonym slots) sent as mail-merge variants: synonyms swapped, a greeting with a name, a personal
 * sentence inserted, a sentence deleted, two sentences or two clauses swapped, and exact copies.
 * Organic opinions are composed freely from per-topic word pools (subject, concern, proposal,
 * numbers), so two of them are about the same things without being copies. The label of an opinion
 * is its campaign's template ({@code "campaign-N"}) or its own id for an organic one.
 */
public final class OpinionCorpus {

    /** An opinion and the truth about it. */
    public record Labelled(OpinionText opinion, String label, boolean campaign) {
    }

    /** A form letter: its article and its sentences with synonym slots. */
    record Template(String article, boolean chinese, List<String> sentences) {
    }

    static final List<Template> TEMPLATES = List.of(
            zh("art_5", "我{坚决|强烈|郑重}{反对|不赞成}草案第五条关于电动自行车{必须|一律}{上牌|登记上牌}的规定",
                    "这一规定{会|将}给{广大|众多}{外卖骑手|快递小哥}和{上班族|通勤族}带来{沉重|很大}的{负担|经济压力}",
                    "{建议|希望}{取消|删去}{强制|硬性}上牌{要求|条款}，改为{自愿|自主}登记",
                    "同时{政府|有关部门}应当{增加|多建}{公共|集中}充电{设施|桩}，{解决|缓解}{充电难|充电不便}的问题",
                    "{恳请|请}立法机关{认真|充分}{听取|考虑}{我们|群众}的{心声|呼声}"),
            zh("art_12", "{关于|针对}养犬管理条例{草案|征求意见稿}第十二条，我{认为|觉得}{禁养|限养}{犬种|大型犬}的{范围|目录}{过宽|太大}",
                    "很多{老人|独居老人}{把狗当作|视狗为}{家人|亲人}，{一刀切|简单}{禁养|禁止饲养}{不近人情|缺乏人情味}",
                    "{建议|希望}{按照|根据}{犬只|狗狗}的{性格|攻击性}{评估|测评}{分类管理|分级管理}",
                    "并{加大|强化}对{遛狗不牵绳|不拴绳遛狗}和{不清理粪便|随地便溺}的{处罚|惩处}{力度|标准}"),
            zh("art_21", "我是{本市|市区}{居民|业主}，{完全|非常}{支持|赞成}物业管理条例{草案|修订草案}第二十一条{关于|有关}公开{物业费|物业服务费}{收支|账目}的规定",
                    "{长期以来|多年来}{业主|我们}{无法|不能}{了解|知道}{公共收益|公共部位收益}的{去向|用途}",
                    "{建议|希望}{进一步|再}{明确|细化}{每季度|每半年}在{小区|楼栋}{显著位置|公告栏}{公示|公开}",
                    "并{允许|支持}业主{通过|借助}{手机|网上平台}{随时|实时}{查询|查阅}"),
            zh("art_8", "{对于|关于}生活垃圾分类条例{草案|征求意见稿}第八条，{我们|本人}{建议|提议}{适当|合理}{延长|放宽}{定时定点|定时投放}的{时间|时段}",
                    "{上班族|双职工家庭}{早出晚归|起早贪黑}，{很难|难以}在{规定时间|指定时段}{投放|扔}垃圾",
                    "{可以|不妨}{增设|设置}{智能|24小时}{回收箱|投放点}，{方便|便利}{居民|市民}{随时|全天}{投放|分类投放}",
                    "{同时|另外}对{初次|首次}{违规|未分类}的{居民|个人}{以教育为主|先批评教育}，不要{直接|马上}{罚款|处罚}"),
            zh("art_30", "{我|本人}{强烈|坚决}{呼吁|要求}{修改|完善}城市噪声{污染防治|管理}条例{草案|修订稿}第三十条",
                    "{夜间|晚上}{施工|工地}噪声{严重|极大}{影响|干扰}了{周边居民|附近住户}的{休息|睡眠}",
                    "{建议|希望}{将|把}夜间{禁止施工|禁止作业}{时间|时段}{提前|改为}{到|至}{晚上十点|二十二时}",
                    "并{公开|公布}{投诉|举报}{电话|渠道}，{做到|确保}{接诉即办|有诉必应}"),
            zh("art_17", "{关于|针对}停车管理条例{草案|征求意见稿}第十七条，我{认为|觉得}{老旧小区|老小区}{停车难|停车位不足}{问题|矛盾}{十分|非常}{突出|严重}",
                    "{建议|希望}{允许|鼓励}{利用|使用}{周边|附近}{机关单位|学校}{夜间|晚上}{闲置|空余}车位{错时共享|错峰共享}",
                    "{收费|价格}{标准|水平}应当{合理|公道}{并|且}{向社会|向公众}{公示|公开}"),
            en("art_4", "I {strongly|firmly} {oppose|object to} Article 4 of the draft {ordinance|regulation} on {short-term rentals|home sharing}",
                    "It would {take away|remove} a {vital|crucial} {source of income|income stream} from {families|households} who {rent out|let} a spare room",
                    "Please {drop|remove|strike} the {ninety|90} day {cap|limit} and {replace|substitute} it with a {simple|light} {registration|registry} {system|scheme}",
                    "{Thank you|Thanks} for {considering|reading} my {comment|views}"),
            en("art_9", "As a {cyclist|bike commuter}, I {fully|wholeheartedly} {support|endorse} Article 9 of the {draft|proposed} {transport|mobility} {plan|strategy}",
                    "{Protected|Separated} bike lanes {save|protect} {lives|people} and {reduce|cut} {congestion|traffic jams} {downtown|in the city centre}",
                    "I {urge|ask} the {council|city} to {extend|expand} the {network|lanes} to {every|all} {district|neighbourhood} {by|before} {2030|the end of the decade}",
                    "{Please|Kindly} also {add|include} {secure|safe} bike {parking|racks} at {metro|subway} stations"));

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "华", "平"};
    private static final String[] EN_NAMES = {"Alex", "Jordan", "Sam", "Taylor", "Morgan", "Casey", "Jamie", "Robin", "Chris", "Pat"};
    private static final String[] PLACES = {"渝中区", "江北区", "南岸区", "沙坪坝区", "九龙坡区", "大渡口区", "北碚区", "渝北区", "巴南区", "解放碑", "观音桥", "杨家坪"};
    private static final String[] CHANNELS = {"web", "mail", "contact_point", "app", "letter"};

    /** Organic pools per topic: subjects, concerns, proposals (Chinese), then English. */
    private static final String[][][] ZH_POOLS = {
            {{"电动车充电桩", "头盔佩戴", "楼道停放", "外卖骑手", "车辆限速", "电池更换", "非标车过渡期", "共享电单车"},
             {"存在火灾隐患", "费用偏高", "执法标准不一", "配套设施不足", "过渡期太短", "宣传不到位", "监管有漏洞", "群众意见很大"},
             {"增设集中充电点", "延长过渡期限", "统一执法尺度", "给予购车补贴", "开展安全培训", "建立信用记录", "设立专用车道", "简化登记手续"}},
            {{"流浪犬收容", "犬只免疫", "遛狗时段", "养犬登记费", "犬只粪便", "宠物医院", "狗咬伤人", "犬只数量"},
             {"缺乏专门场所", "收费不透明", "邻里纠纷频发", "管理部门职责不清", "处罚过轻", "登记流程繁琐", "宣传教育不够", "执法人员不足"},
             {"建立收容中心", "推行电子芯片", "划定遛狗区域", "降低登记费用", "引入社会组织", "设置举报奖励", "明确部门分工", "加强社区宣传"}},
            {{"物业费调价", "维修基金", "业主委员会", "小区电梯", "公共车位", "绿化养护", "门禁系统", "垃圾清运"},
             {"程序不公开", "使用效率低", "成立困难", "故障频繁", "被挪作他用", "长期缺位", "侵犯隐私", "收费混乱"},
             {"引入第三方审计", "简化申请流程", "召开听证会", "建立评价机制", "明确保修责任", "设立投诉热线", "定期公布账目", "组织业主表决"}},
            {{"厨余垃圾", "分类垃圾桶", "大件垃圾", "有害垃圾", "快递包装", "回收价格", "督导员", "转运车辆"},
             {"气味难闻", "数量太少", "清运不及时", "去向不明", "过度包装严重", "积极性不高", "工作量太大", "混装混运"},
             {"增加清运频次", "推广积分奖励", "设立回收驿站", "公开处理流程", "限制过度包装", "提高回收补贴", "招募志愿者", "加强分类督查"}},
            {{"广场舞音响", "装修噪声", "酒吧营业", "高架桥车流", "商铺促销喇叭", "工地打桩", "夜市摊贩", "机动车鸣笛"},
             {"扰民时间过长", "投诉无人处理", "分贝超标", "影响学生学习", "缺少监测设备", "罚款标准太低", "责任主体模糊", "反复发生"},
             {"安装隔音屏障", "设立噪声监测点", "限定活动时段", "提高罚款金额", "建立联合执法", "推广静音设备", "公开投诉结果", "纳入信用管理"}}
    };
    private static final String[][][] EN_POOLS = {
            {{"bus frequency", "bike parking", "school crossings", "sidewalk repairs", "parking meters", "delivery vans", "street lighting", "tram tracks"},
             {"is far too low", "costs too much", "feels unsafe at night", "has been ignored for years", "blocks pedestrians", "confuses visitors", "floods after rain", "wastes public money"},
             {"publish a yearly report", "hire more inspectors", "run a pilot first", "consult local shops", "lower the fees", "add clear signage", "plant more trees", "fund it from parking revenue"}},
            {{"tenant deposits", "rent increases", "eviction notices", "building inspections", "heating outages", "mould complaints", "landlord licences", "noise rules"},
             {"are rarely enforced", "hurt older tenants", "take months to resolve", "lack a clear appeal", "vary between districts", "leave families exposed", "are poorly explained", "favour large landlords"},
             {"cap the annual increase", "create a tenant hotline", "require yearly checks", "translate the notices", "set response deadlines", "publish landlord records", "fine repeat offenders", "support mediation services"}}
    };
    private static final String[] ZH_OPENERS = {"我认为", "本人觉得", "据我观察", "我注意到", "我家附近", "我们社区", "从实际情况看", "多年来"};
    private static final String[] EN_OPENERS = {"In my view", "Honestly", "From what I see", "Where I live", "In our street", "As a parent", "Frankly", "Over the past years"};

    private static final String[] ZH_QUALIFIERS = {"", "附近的", "小区里的", "新建的", "现在的", "街上的", "我们这里", "城区",
            "老城的", "楼下", "单位旁边的", "学校周边", "菜市场边的", "江边", "地铁口", "对面"};
    private static final String[] ZH_ADVERBS = {"", "一直", "经常", "总是", "确实", "似乎", "明显", "有时", "越来越", "始终", "常常",
            "偶尔", "多少有点", "真的", "早就", "依然"};
    private static final String[] ZH_URGING = {"", "尽快", "早日", "认真", "抓紧", "务必", "切实", "逐步", "试点", "统筹", "分批",
            "全面", "优先", "适度", "持续", "马上"};
    private static final String[] EN_QUALIFIERS = {"", "the local ", "our ", "the new ", "downtown ", "the old ", "nearby ",
            "the district's ", "some ", "many ", "the current ", "most "};
    private static final String[] EN_ADVERBS = {"", "still ", "often ", "clearly ", "really ", "sometimes ", "always ",
            "increasingly ", "honestly ", "frankly "};
    private static final String[] EN_URGING = {"", "quickly ", "finally ", "seriously ", "carefully ", "gradually ",
            "urgently ", "at last ", "simply ", "properly "};

    private static final Pattern SLOT = Pattern.compile("\\{([^}]*)}");

    private OpinionCorpus() {
    }

    private static Template zh(String article, String... sentences) {
        return new Template(article, true, List.of(sentences));
    }

    private static Template en(String article, String... sentences) {
        return new Template(article, false, List.of(sentences));
    }

    /**
     * A shuffled corpus: {@code campaignMembers} opinions spread over the templates (the first
     * {@code campaigns} of them) and {@code organic} free opinions.
     */
    public static List<Labelled> generate(long seed, int campaigns, int campaignMembers, int organic) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Labelled> out = new ArrayList<>(campaignMembers + organic);
        int templates = Math.min(campaigns, TEMPLATES.size());
        List<List<String>> sent = new ArrayList<>();
        for (int t = 0; t < templates; t++) {
            sent.add(new ArrayList<>());
        }
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        for (int i = 0; i < campaignMembers; i++) {
            int t = templates == 0 ? 0 : random.nextInt(templates);
            Template template = TEMPLATES.get(t);
            List<String> earlier = sent.get(t);
            String text = !earlier.isEmpty() && random.nextInt(10) < 3 ? earlier.get(random.nextInt(earlier.size()))
                    : variant(template, random);
            if (earlier.size() < 200) {
                earlier.add(text);
            }
            out.add(new Labelled(new OpinionText("?", text, template.article(), CHANNELS[random.nextInt(CHANNELS.length)],
                    start.plusSeconds(random.nextInt(30 * 86400))), "campaign-" + t, true));
        }
        for (int i = 0; i < organic; i++) {
            boolean chinese = random.nextInt(10) < 7;
            String text = chinese ? organicZh(random) : organicEn(random);
            out.add(new Labelled(new OpinionText("?", text, "art_" + (1 + random.nextInt(40)),
                    CHANNELS[random.nextInt(CHANNELS.length)], start.plusSeconds(random.nextInt(30 * 86400))), null, false));
        }
        Collections.shuffle(out, new java.util.Random(seed));
        List<Labelled> numbered = new ArrayList<>(out.size());
        for (int i = 0; i < out.size(); i++) {
            Labelled l = out.get(i);
            String id = "op-" + (i + 1);
            OpinionText o = l.opinion();
            numbered.add(new Labelled(new OpinionText(id, o.text(), o.article(), o.channel(), o.receivedAt()),
                    l.label() == null ? id : l.label(), l.campaign()));
        }
        return numbered;
    }

    /**
     * An endless stream of the same kind of corpus, generated on the fly (nothing kept but the first
     * 200 variants of each form letter, which exact copies repeat): each opinion is a campaign variant
     * with probability {@code campaignShare}, else organic. Labels as in {@link #generate}, with
     * {@code "o" + position} for an organic opinion. Deterministic for a seed.
     */
    public static final class Stream {
        private final SplittableRandom random;
        private final int templates;
        private final double campaignShare;
        private final List<List<String>> sent = new ArrayList<>();
        private long position;

        public Stream(long seed, int campaigns, double campaignShare) {
            this.random = new SplittableRandom(seed);
            this.templates = Math.min(campaigns, TEMPLATES.size());
            this.campaignShare = campaignShare;
            for (int t = 0; t < templates; t++) {
                sent.add(new ArrayList<>());
            }
        }

        /** The next opinion's text; its label goes to {@code labels} when not null. */
        public String next(List<String> labels) {
            long at = position++;
            if (templates > 0 && random.nextDouble() < campaignShare) {
                int t = random.nextInt(templates);
                List<String> earlier = sent.get(t);
                String text = !earlier.isEmpty() && random.nextInt(10) < 3 ? earlier.get(random.nextInt(earlier.size()))
                        : variant(TEMPLATES.get(t), random);
                if (earlier.size() < 200) {
                    earlier.add(text);
                }
                if (labels != null) {
                    labels.add("campaign-" + t);
                }
                return text;
            }
            if (labels != null) {
                labels.add("o" + at);
            }
            return random.nextInt(10) < 7 ? organicZh(random) : organicEn(random);
        }
    }

    public static List<OpinionText> opinions(List<Labelled> corpus) {
        return corpus.stream().map(Labelled::opinion).toList();
    }

    /** A mail-merge variant of a form letter. */
    static String variant(Template template, SplittableRandom random) {
        List<String> sentences = new ArrayList<>();
        for (String s : template.sentences()) {
            sentences.add(fill(s, random));
        }
        if (random.nextInt(10) < 3 && sentences.size() > 3) { // delete a sentence (never the first)
            sentences.remove(1 + random.nextInt(sentences.size() - 1));
        }
        if (random.nextInt(10) < 3) { // swap two adjacent sentences
            int i = random.nextInt(sentences.size() - 1);
            Collections.swap(sentences, i, i + 1);
        }
        if (random.nextInt(10) < 2) { // reorder the clauses of a sentence
            int i = random.nextInt(sentences.size());
            String s = sentences.get(i);
            String comma = template.chinese() ? "，" : ", ";
            int at = s.indexOf(comma);
            if (at > 0) {
                sentences.set(i, s.substring(at + comma.length()) + comma + s.substring(0, at));
            }
        }
        if (random.nextInt(10) < 3) { // insert a personal sentence
            String personal = template.chinese() ? organicSentenceZh(random, random.nextInt(ZH_POOLS.length))
                    : organicSentenceEn(random, random.nextInt(EN_POOLS.length));
            sentences.add(random.nextInt(sentences.size() + 1), personal);
        }
        String body = String.join(template.chinese() ? "。" : ". ", sentences) + (template.chinese() ? "。" : ".");
        if (random.nextInt(10) < 4) { // mail-merge greeting with a name
            body = template.chinese()
                    ? "我是" + PLACES[random.nextInt(PLACES.length)] + "的" + SURNAMES[random.nextInt(SURNAMES.length)]
                            + GIVEN[random.nextInt(GIVEN.length)] + "，" + body
                    : "My name is " + EN_NAMES[random.nextInt(EN_NAMES.length)] + ". " + body;
        }
        return body;
    }

    static String fill(String sentence, SplittableRandom random) {
        Matcher m = SLOT.matcher(sentence);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String[] options = m.group(1).split("\\|");
            m.appendReplacement(b, Matcher.quoteReplacement(options[random.nextInt(options.length)]));
        }
        m.appendTail(b);
        return b.toString();
    }

    static String organicZh(SplittableRandom random) {
        int topic = random.nextInt(ZH_POOLS.length);
        int sentences = 3 + random.nextInt(2);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            b.append(organicSentenceZh(random, random.nextInt(2) == 0 ? random.nextInt(ZH_POOLS.length) : topic)).append("。");
        }
        return b.toString();
    }

    static String organicSentenceZh(SplittableRandom random, int topic) {
        String[][] pool = ZH_POOLS[topic];
        String place = PLACES[random.nextInt(PLACES.length)];
        String a = pick(ZH_QUALIFIERS, random) + pick(pool[0], random);
        String c = pick(ZH_ADVERBS, random) + pick(pool[1], random);
        String p = pick(ZH_URGING, random) + pick(pool[2], random);
        int n = 2 + random.nextInt(40);
        return switch (random.nextInt(8)) {
            case 0 -> ZH_OPENERS[random.nextInt(ZH_OPENERS.length)] + place + a + c + "，最好" + p;
            case 1 -> n + "月在" + place + "看到" + a + c;
            case 2 -> "盼" + p + "，" + a + "的事" + n + "天内解决";
            case 3 -> a + c + "，" + ZH_OPENERS[random.nextInt(ZH_OPENERS.length)] + "该" + p;
            case 4 -> place + "有" + n + "户反映" + a + c;
            case 5 -> "请" + p + "吧，" + place + "的" + a + "太让人头疼";
            case 6 -> "说实话" + a + "这块" + c + "，" + n + "年了";
            default -> "能否" + p + "？" + place + a + c;
        };
    }

    static String organicEn(SplittableRandom random) {
        int topic = random.nextInt(EN_POOLS.length);
        int sentences = 3 + random.nextInt(2);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            b.append(organicSentenceEn(random, random.nextInt(2) == 0 ? random.nextInt(EN_POOLS.length) : topic)).append(". ");
        }
        return b.toString().trim();
    }

    static String organicSentenceEn(SplittableRandom random, int topic) {
        String[][] pool = EN_POOLS[topic];
        String a = pick(EN_QUALIFIERS, random) + pick(pool[0], random);
        String c = pick(EN_ADVERBS, random) + pick(pool[1], random);
        String p = pick(EN_URGING, random) + pick(pool[2], random);
        int n = 2 + random.nextInt(40);
        return switch (random.nextInt(6)) {
            case 0 -> EN_OPENERS[random.nextInt(EN_OPENERS.length)] + ", " + a + " " + c + "; " + p;
            case 1 -> n + " neighbours say " + a + " " + c;
            case 2 -> "Please " + p + " within " + n + " months";
            case 3 -> a + " " + c + " and nobody " + pick(new String[] {"cares", "listens", "acts", "answers"}, random);
            case 4 -> "Why not " + p + "? " + a + " " + c;
            default -> "Since " + (1990 + n) + " " + a + " " + c;
        };
    }

    private static String pick(String[] options, SplittableRandom random) {
        return options[random.nextInt(options.length)];
    }
}
