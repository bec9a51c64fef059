package org.megacity.opinionanalysis.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megacity.platform.CliCommand;
import org.megacity.platform.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code ./megacity analyse-opinions FILE --out DIR} on small JSON-lines and CSV files with bad records. */
class AnalyseOpinionsCommandTest {

    static final String FORM = "我坚决反对草案第五条关于电动自行车必须上牌的规定。这一规定会给广大外卖骑手和上班族带来沉重的负担。建议取消强制上牌要求，改为自愿登记。";
    static final String VARIANT = "我是渝中区的王伟，我强烈反对草案第五条关于电动自行车一律上牌的规定。这一规定将给众多外卖骑手和通勤族带来很大的负担。建议取消强制上牌要求，改为自愿登记。";

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    Run run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine line = CommandLine.parse(args);
        int code = new AnalyseOpinionsCommand().run(new CliCommand.Invocation(line.wordsAfter(1), line,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String json(String id, String text, String article) {
        return "{\"id\":\"" + id + "\",\"text\":\"" + text + "\",\"article\":\"" + article + "\",\"channel\":\"web\"}\n";
    }

    @Test
    void analysesJsonLinesSkippingBadRecordsWithTheirReasons() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(json("1", FORM, "art_5").getBytes(StandardCharsets.UTF_8));
        file.writeBytes(json("2", FORM, "art_5").getBytes(StandardCharsets.UTF_8));
        file.writeBytes(json("3", VARIANT, "art_5").getBytes(StandardCharsets.UTF_8));
        file.writeBytes(json("4", "养犬登记费用太高，建议降低养犬登记费用，方便老人办理。", "art_12").getBytes(StandardCharsets.UTF_8));
        file.writeBytes(json("5", "👍 mixed scripts 混合 текст 😀 with emoji", "art_12").getBytes(StandardCharsets.UTF_8));
        file.writeBytes("\n".getBytes(StandardCharsets.UTF_8)); // blank: ignored
        file.writeBytes(json("6", "   ", "art_1").getBytes(StandardCharsets.UTF_8)); // empty
        file.writeBytes(json("7", "长".repeat(OpinionFileReader.MAX_TEXT_CHARS + 1), "art_1").getBytes(StandardCharsets.UTF_8));
        file.writeBytes("{\"id\":\"8\",\"text\":\"bad ".getBytes(StandardCharsets.UTF_8));
        file.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, '"', '}', '\n'}); // invalid UTF-8
        file.writeBytes("{\"id\":\"9\",\"text\": \"broken\n".getBytes(StandardCharsets.UTF_8)); // broken JSON
        file.writeBytes("{\"text\":\"no id here at all\"}\n".getBytes(StandardCharsets.UTF_8));
        file.writeBytes(json("1", "a duplicate id with other text", "art_1").getBytes(StandardCharsets.UTF_8));
        file.writeBytes("[1,2]\n".getBytes(StandardCharsets.UTF_8));
        file.writeBytes(json("10", "最后一条意见，没有换行结尾。", "art_3").trim().getBytes(StandardCharsets.UTF_8));
        Path input = dir.resolve("opinions.jsonl");
        Files.write(input, file.toByteArray());
        Path out = dir.resolve("out");

        Run run = run("analyse-opinions", input.toString(), "--out", out.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("6 opinions", "1 campaigns holding 3 opinions", "7 records skipped");
        List<String> campaigns = Files.readAllLines(out.resolve("campaigns.csv"));
        assertThat(campaigns).containsExactly("opinion_id,campaign_id", "1,C-1", "2,C-1", "3,C-1", "4,", "5,", "10,");
        List<String> topics = Files.readAllLines(out.resolve("topics.csv"));
        assertThat(topics).hasSize(7).first().isEqualTo("opinion_id,topic_id,label");
        JsonNode summary = JsonMapper.builder().build().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("opinions").asInt()).isEqualTo(6);
        assertThat(summary.get("records").asInt()).isEqualTo(13);
        JsonNode reasons = summary.get("skipped").get("byReason");
        assertThat(reasons.get("empty text").asInt()).isEqualTo(1);
        assertThat(reasons.get("text over 100000 characters").asInt()).isEqualTo(1);
        assertThat(reasons.get("invalid UTF-8").asInt()).isEqualTo(1);
        assertThat(reasons.get("broken JSON").asInt()).isEqualTo(1);
        assertThat(reasons.get("missing id").asInt()).isEqualTo(1);
        assertThat(reasons.get("duplicate id").asInt()).isEqualTo(1);
        assertThat(reasons.get("not a JSON object").asInt()).isEqualTo(1);
        assertThat(summary.get("skipped").get("records").get(0).get("line").asInt()).isEqualTo(7);
        assertThat(summary.get("campaigns").get(0).get("count").asInt()).isEqualTo(3);
        assertThat(summary.get("campaigns").get(0).get("representativeText").asString()).isEqualTo(FORM);
        assertThat(summary.get("heat")).hasSize(3);
    }

    @Test
    void analysesCsvWithQuotedFieldsAcrossLines() throws Exception {
        String csv = "id,text,article,channel\r\n"
                + "a,\"" + FORM.replace("，", ", ") + "\",art_5,web\r\n"
                + "b,\"" + FORM.replace("，", ", ") + "\",art_5,mail\r\n"
                + "c,\"第一行\n第二行，带 \"\"引号\"\" 的意见，关于停车收费。\",art_17,\r\n"
                + "d,too,many,fields,here\r\n"
                + "e,\"unterminated";
        Path input = dir.resolve("opinions.txt");
        Files.writeString(input, csv, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");

        Run run = run("analyse-opinions", input.toString(), "--out", out.toString(), "--seed", "7");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("(CSV)");
        assertThat(Files.readAllLines(out.resolve("campaigns.csv"))).containsExactly("opinion_id,campaign_id", "a,C-1", "b,C-1", "c,");
        JsonNode summary = JsonMapper.builder().build().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("skipped").get("byReason").get("wrong number of CSV fields").asInt()).isEqualTo(1);
        assertThat(summary.get("skipped").get("byReason").get("unterminated quoted field").asInt()).isEqualTo(1);
        assertThat(summary.get("campaigns").get(0).get("channels").get("mail").asInt()).isEqualTo(1);
    }

    @Test
    void refusesACsvWithoutItsHeaderAndMissingArguments() throws Exception {
        Path input = dir.resolve("bad.csv");
        Files.writeString(input, "text,id\nx,y\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run("analyse-opinions", input.toString(), "--out", dir.toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id,text");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run("analyse-opinions", input.toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--out");
    }

    @Test
    void quotesCsvFieldsThatNeedIt() {
        assertThat(Csv.quote("plain")).isEqualTo("plain");
        assertThat(Csv.quote("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.quote("say \"hi\"\n")).isEqualTo("\"say \"\"hi\"\"\n\"");
        assertThat(Csv.parse(Csv.quote("x,\"y\"") + ",z")).containsExactly("x,\"y\"", "z");
    }
}
