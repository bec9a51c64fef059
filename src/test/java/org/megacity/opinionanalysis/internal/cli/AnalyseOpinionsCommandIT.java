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
import org.megacity.platform.CommandLine;
import org.megacity.platform.internal.CommandDispatcher;
import org.megacity.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The command as the launcher finds it: through the platform's dispatcher, in the running application. */
@IntegrationTest
class AnalyseOpinionsCommandIT {

    @Autowired
    CommandDispatcher dispatcher;

    @TempDir
    Path dir;

    @Test
    void theDispatcherRunsAnalyseOpinionsOnAFile() throws Exception {
        String form = "我坚决反对草案第五条关于电动自行车必须上牌的规定，建议取消强制上牌要求，改为自愿登记。";
        Path input = dir.resolve("in.jsonl");
        Files.writeString(input, "{\"id\":\"1\",\"text\":\"" + form + "\"}\n{\"id\":\"2\",\"text\":\"" + form + "\"}\n"
                + "{\"id\":\"3\",\"text\":\"\"}\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = dispatcher.dispatch(CommandLine.parse("analyse-opinions", input.toString(), "--out", out.toString()),
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        assertThat(code).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readAllLines(out.resolve("campaigns.csv"))).isEqualTo(List.of("opinion_id,campaign_id", "1,C-1", "2,C-1"));
        assertThat(Files.readString(out.resolve("summary.json"))).containsPattern("\"empty text\"\\s*:\\s*1");
    }
}
