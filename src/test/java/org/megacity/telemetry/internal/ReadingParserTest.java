package org.megacity.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Readings from JSON and CSV: each malformed element or line carries its problem; broken JSON structure is refused. */
class ReadingParserTest {

    static ByteArrayInputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void jsonElementsAreReadOneByOne() {
        List<Telemetry.RawReading> r = ReadingParser.json(in("""
                [{"sensorId":"a","time":"2026-11-29T10:00:00Z","value":1.5,"messageId":"m"},
                 {"sensorId":"b","time":1700000000000,"value":"2"},
                 {"sensorId":"c","time":"yesterday","value":1},
                 {"sensorId":"d","time":1,"value":{"x":1}},
                 42]"""), 10);
        assertThat(r).hasSize(5);
        assertThat(r.get(0).ts()).isEqualTo(java.time.Instant.parse("2026-11-29T10:00:00Z").toEpochMilli());
        assertThat(r.get(0).messageId()).isEqualTo("m");
        assertThat(r.get(1).value()).isEqualTo(2.0);
        assertThat(r.get(2).problem()).isEqualTo("malformed time");
        assertThat(r.get(3).problem()).isEqualTo("malformed value");
        assertThat(r.get(4).problem()).isEqualTo("not a JSON object");
    }

    @Test
    void brokenJsonAndTooManyReadingsAreRefused() {
        assertThatThrownBy(() -> ReadingParser.json(in("[{\"sensorId\":"), 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReadingParser.json(in("\"x\""), 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReadingParser.json(in("[{},{},{}]"), 2)).isInstanceOf(ReadingParser.TooMany.class);
    }

    @Test
    void csvLinesCarryTheirProblems() throws Exception {
        List<Telemetry.RawReading> r = ReadingParser.csv(in("\uFEFFsensorId,time,value\na,1000,1.5,m1\nb,1000\n\nc,x,1\nd,1000,abc\n"), 10);
        assertThat(r).extracting(Telemetry.RawReading::problem).containsExactly(null,
                "malformed line: expected sensorId,time,value[,messageId]", "malformed time", "malformed value");
        assertThat(r.get(0).messageId()).isEqualTo("m1");
    }

    @Test
    void anMqttSingleReadingTakesItsSensorFromTheTopic() {
        assertThat(MqttIngest.single("s1", "{\"time\":5,\"value\":2}")).extracting(Telemetry.RawReading::sensorId,
                Telemetry.RawReading::ts, Telemetry.RawReading::value).containsExactly("s1", 5L, 2.0);
        assertThat(MqttIngest.single("s1", "5,2.5").value()).isEqualTo(2.5);
        assertThat(MqttIngest.single("s1", "garbage").problem()).isNotNull();
    }
}
