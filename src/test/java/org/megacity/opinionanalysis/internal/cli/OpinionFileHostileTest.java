package org.megacity.opinionanalysis.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megacity.opinionanalysis.AnalysisSettings;
import org.megacity.opinionanalysis.OpinionAnalyzer;
import org.megacity.opinionanalysis.OpinionText;
import org.megacity.testing.Hostile;

/**
 * Files of opinions for {@code analyse-opinions} over hostile input (see {@link Hostile}): CSV and JSON
 * lines, mutated and raw. Every record is read or skipped with its reason, the opinions read analyse
 * without error, and the command either writes its outputs (exit 0) or stops with a clear usage error;
 * it never fails otherwise.
 */
class OpinionFileHostileTest {

    static final List<String> CSV = List.of("id,text,article,channel,received_at\n"
            + "1,建议增加对管线巡查频次的规定。,art_3,online,2026-11-01T08:00:00Z\n"
            + "2,\"多行的\n意见, 带逗号和\"\"引号\"\"\",art_1,letter,\n"
            + "3,同意,,,\n", "\uFEFFid,text\r\n1,Support the draft\r\n2,\"Keep article 3, please\"\r\n");
    static final List<String> JSON_LINES = List.of("""
            {"id": "1", "text": "建议增加对管线巡查频次的规定。", "article": "art_3", "channel": "online", "received_at": "2026-11-01T08:00:00Z"}
            {"id": 2, "text": "同意"}

            {"id": "3", "text": "Keep article 3, please"}
            """);

    @TempDir
    Path dir;

    @Test
    void everyRecordIsReadOrSkippedAndWhatIsReadAnalyses() {
        Path csv = dir.resolve("opinions.csv");
        Path jsonl = dir.resolve("opinions.jsonl");
        Hostile.theory("opinion files: reader", 10_000).forAll(Hostile.bodies(CSV), Hostile.bodies(JSON_LINES))
                .checkAssert((csvBody, jsonBody) -> {
                    read(csv, csvBody);
                    read(jsonl, jsonBody);
                });
    }

    private static void read(Path file, byte[] body) {
        try {
            Files.write(file, body);
            OpinionFileReader.Result result;
            try {
                result = OpinionFileReader.read(file, n -> { });
            } catch (IllegalArgumentException usage) {
                assertThat(usage.getMessage()).isNotBlank();
                return;
            }
            assertThat(result.opinions().size() + result.skipped().size()).as("records read or skipped")
                    .isEqualTo(result.records());
            assertThat(result.skipped()).allSatisfy(s -> assertThat(s.reason()).isNotBlank());
            assertThat(new HashSet<>(result.opinions().stream().map(OpinionText::id).toList())).hasSize(result.opinions().size());
            new OpinionAnalyzer(AnalysisSettings.defaults()).analyse(result.opinions());
        } catch (IOException e) {
            throw new AssertionError("reading failed: " + e, e);
        }
    }

    @Test
    void theCommandWritesItsOutputsOrStopsWithAUsageError() {
        Hostile.theory("opinion files: analyse-opinions", 1_000).forAll(Hostile.bodies(CSV).mix(Hostile.bodies(JSON_LINES)))
                .checkAssert(body -> {
                    try {
                        Path file = dir.resolve(body.length > 0 && body[0] == '{' ? "in.jsonl" : "in.csv");
                        Files.write(file, body);
                        Path out = dir.resolve("out");
                        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
                        int code;
                        try {
                            code = AnalyseOpinionsCommand.analyse(file, out, AnalysisSettings.defaults(), quiet, quiet);
                        } catch (IllegalArgumentException usage) {
                            assertThat(usage.getMessage()).isNotBlank();
                            return;
                        }
                        assertThat(code).isZero();
                        assertThat(out.resolve("summary.json")).exists();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /** Found by the fuzzing: a CSV header that is not UTF-8 made the command fail with a decoder error. */
    @Test
    void aHeaderThatIsNotUtf8IsAUsageError() throws IOException {
        Path file = dir.resolve("bad-header.csv");
        Files.write(file, new byte[] {'i', 'd', ',', (byte) 0xff, 't', 'e', 'x', 't', '\n', '1', ',', 'x', '\n'});
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OpinionFileReader.read(file, n -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not UTF-8");
    }

    /** Found by the fuzzing: an id from a JSON escape of an unpaired surrogate made the command fail writing its outputs. */
    @Test
    void anUnpairedSurrogateSkipsTheRecordAndTheCommandWritesItsOutputs() throws IOException {
        Path file = dir.resolve("surrogate.jsonl");
        Files.writeString(file, "{\"id\": \"\\ud800\", \"text\": \"同意\"}\n{\"id\": \"2\", \"text\": \"\\udc00\"}\n"
                + "{\"id\": \"3\", \"text\": \"同意\"}\n");
        OpinionFileReader.Result read = OpinionFileReader.read(file, n -> { });
        assertThat(read.opinions()).extracting(OpinionText::id).containsExactly("3");
        assertThat(read.skipped()).hasSize(2);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(AnalyseOpinionsCommand.analyse(file, dir.resolve("out-surrogate"), AnalysisSettings.defaults(), quiet, quiet))
                .isZero();
    }
}
