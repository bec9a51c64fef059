package org.megacity.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.megacity.testing.Hostile;

/**
 * The readings parser over hostile input (see {@link Hostile}): JSON and CSV batches and single MQTT
 * payloads either parse, reading by reading (each one with its index, a malformed one with its
 * problem), or are refused with an {@link IllegalArgumentException}; nothing else is ever thrown.
 */
class ReadingParserHostileTest {

    static final List<String> JSON = List.of(
            "[{\"sensorId\":\"P-3\",\"time\":1764400000000,\"value\":0.35,\"messageId\":\"m-1\"},"
                    + "{\"sensorId\":\"M-22\",\"time\":\"2026-11-29T00:00:00Z\",\"value\":\"12.5\"}]",
            "{\"sensor\":\"P-3\",\"ts\":1764400000000,\"value\":1}");
    static final List<String> CSV = List.of("sensorId,time,value,messageId\nP-3,1764400000000,0.35,m-1\nM-22,2026-11-29T00:00:00Z,3,\n",
            "\uFEFFP-3,1764400000000,0.35\r\n\r\nP-3,1764400060000,0.36\r\n");

    @Test
    void jsonBatchesParseReadingByReadingOrAreRefused() {
        Hostile.theory("readings parser: JSON", 10_000).forAll(Hostile.bodies(JSON)).checkAssert(body -> {
            List<Telemetry.RawReading> readings;
            try {
                readings = ReadingParser.json(new ByteArrayInputStream(body), Telemetry.MAX_BATCH);
            } catch (IllegalArgumentException refused) {
                assertThat(refused.getMessage()).isNotBlank();
                return;
            }
            for (int i = 0; i < readings.size(); i++) {
                assertThat(readings.get(i).index()).isIn(0, i);
            }
        });
    }

    @Test
    void csvBatchesParseLineByLine() {
        Hostile.theory("readings parser: CSV", 10_000).forAll(Hostile.bodies(CSV)).checkAssert(body -> {
            try {
                List<Telemetry.RawReading> readings = ReadingParser.csv(new ByteArrayInputStream(body), Telemetry.MAX_BATCH);
                for (int i = 0; i < readings.size(); i++) {
                    assertThat(readings.get(i).index()).isEqualTo(i);
                    Telemetry.RawReading r = readings.get(i);
                    assertThat(r.problem() != null || (r.sensorId() != null && r.ts() != null && r.value() != null)).isTrue();
                }
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void singleMqttPayloadsParseOrAreRefused() {
        Hostile.theory("readings parser: MQTT single", 10_000)
                .forAll(Hostile.mutations("{\"time\":1764400000000,\"value\":0.4,\"messageId\":\"x\"}", "1764400000000,0.4",
                        "2026-11-29T00:00:00Z,0.4,m-2"), Hostile.text())
                .checkAssert((payload, sensor) -> {
                    try {
                        Telemetry.RawReading r = MqttIngest.single(sensor, payload.trim());
                        assertThat(r).isNotNull();
                    } catch (IllegalArgumentException refused) {
                        assertThat(refused.getMessage()).isNotNull();
                    } catch (IndexOutOfBoundsException e) {
                        throw new AssertionError("payload " + payload, e);
                    }
                });
    }

    /** Found by the fuzzing: an instant beyond what epoch milliseconds hold threw ArithmeticException (a 500 over HTTP). */
    @Test
    void instantsBeyondEpochMillisecondsAreMalformedTimes() {
        for (String time : List.of("-999999999-11-29T00:00:00Z", "+999999999-12-31T23:59:59Z")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReadingParser.parseTime(time))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(ReadingParser.csvLine("P-3," + time + ",0.3", 0).problem()).isEqualTo("malformed time");
        }
    }
}
