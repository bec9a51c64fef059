package org.megacity.legislation.draft;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test fixture: the real regulations of shared/data/regulations, copied under src/test/resources/regulations. */
public final class Regulations {

    /** A regulation file and what its README says it holds. */
    public record Expected(String file, int articles, List<String> chapters, int sections) {
        public String text() {
            return read(file);
        }
    }

    public static final Expected PIPELINES = new Expected("重庆市城市管线条例(2016-07-29).md", 57,
            List.of("总则", "管线规划", "管线建设", "管线维护", "综合管廊", "档案管理", "法律责任", "附则"), 0);
    public static final Expected PARKS = new Expected("重庆市城市园林绿化条例(2021-05-27).md", 58,
            List.of("总则", "规划与建设", "保护与管理", "法律责任", "附则"), 0);
    public static final Expected LOCAL_LEGISLATION = new Expected("重庆市地方立法条例(2017-01-19).md", 85,
            List.of("总则", "立法规划、计划的制定和法规案起草", "市人民代表大会立法程序", "市人民代表大会常务委员会立法程序",
                    "批准自治条例和单行条例程序", "公布、备案和解释", "其他规定", "附则"), 0);
    public static final Expected SUGGESTIONS = new Expected("重庆市人民代表大会代表建议批评和意见工作条例(2017-11-30).md", 40,
            List.of("总则", "代表建议、批评和意见的提出", "代表建议、批评和意见的交办", "代表建议、批评和意见的办理",
                    "代表建议、批评和意见办理情况的评价", "代表建议、批评和意见办理工作的监督", "附则"), 0);
    public static final Expected LEGISLATION_LAW = new Expected("立法法(2023-03-13).md", 120,
            List.of("总则", "法律", "行政法规", "地方性法规、自治条例和单行条例、规章", "适用与备案审查", "附则"), 7);
    public static final Expected DEPUTIES_LAW = new Expected("全国人民代表大会和地方各级人民代表大会代表法(2025-03-11).md", 65,
            List.of("总则", "代表在本级人民代表大会会议期间的工作", "代表在本级人民代表大会闭会期间的活动", "代表执行职务的保障",
                    "对代表的监督", "附则"), 0);
    public static final Expected DATA_SECURITY = new Expected("数据安全法(2021-06-10).md", 55,
            List.of("总则", "数据安全与发展", "数据安全制度", "数据安全保护义务", "政务数据安全与开放", "法律责任", "附则"), 0);
    public static final Expected PERSONAL_INFORMATION = new Expected("个人信息保护法(2021-08-20).md", 74,
            List.of("总则", "个人信息处理规则", "个人信息跨境提供的规则", "个人在个人信息处理活动中的权利", "个人信息处理者的义务",
                    "履行个人信息保护职责的部门", "法律责任", "附则"), 3);

    public static final List<Expected> ALL = List.of(PIPELINES, PARKS, LOCAL_LEGISLATION, SUGGESTIONS, LEGISLATION_LAW,
            DEPUTIES_LAW, DATA_SECURITY, PERSONAL_INFORMATION);

    private Regulations() {
    }

    public static String read(String file) {
        try (InputStream in = Regulations.class.getResourceAsStream("/regulations/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no test resource regulations/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses {@code text}, failing the test with the problems when it is rejected. */
    public static Draft parse(String text) {
        return switch (DraftParser.parse(text)) {
            case ParseOutcome.Parsed parsed -> parsed.draft();
            case ParseOutcome.Rejected rejected -> throw new AssertionError("rejected: " + rejected.problems());
        };
    }
}
