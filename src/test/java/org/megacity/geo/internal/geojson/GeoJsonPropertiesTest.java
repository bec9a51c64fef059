package org.megacity.geo.internal.geojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.megacity.geo.Division;

/** Properties of the GeoJSON reader and writer over random and hostile input (QuickTheories). */
class GeoJsonPropertiesTest {

    /** Random text, random bytes, and valid documents cut short or with bytes changed: always a clean answer. */
    @Test
    void theReaderNeverThrowsOnHostileInput() {
        qt().withExamples(2_000).forAll(strings().allPossible().ofLengthBetween(0, 300))
                .checkAssert(text -> assertThat(readQuietly(text.getBytes(StandardCharsets.UTF_8))).isNotNull());
        byte[] valid = validDocument(new Random(1), 3).getBytes(StandardCharsets.UTF_8);
        qt().withExamples(3_000).forAll(integers().between(0, valid.length - 1), integers().between(0, 255),
                integers().between(0, 3)).checkAssert((position, value, kind) -> {
                    byte[] mutated = switch (kind) {
                        case 0 -> java.util.Arrays.copyOf(valid, position);
                        case 1 -> {
                            byte[] copy = valid.clone();
                            copy[position] = (byte) (int) value;
                            yield copy;
                        }
                        case 2 -> {
                            String s = new String(valid, StandardCharsets.UTF_8);
                            int at = Math.min(position, s.length());
                            yield (s.substring(0, at) + "[[[" + s.substring(at)).getBytes(StandardCharsets.UTF_8);
                        }
                        default -> {
                            String s = new String(valid, StandardCharsets.UTF_8);
                            int at = Math.min(position, s.length());
                            String[] tokens = {"null", "1e999", "-0", "\"\"", "{}", "[]", "NaN", ",", ":", "\"code\""};
                            yield (s.substring(0, at) + tokens[value % tokens.length] + s.substring(at))
                                    .getBytes(StandardCharsets.UTF_8);
                        }
                    };
                    GeoJsonReader.Result result = readQuietly(mutated);
                    assertThat(result).isNotNull();
                    assertThat(result.features().size() + result.problems().size()).isGreaterThanOrEqualTo(
                            result.malformed() ? 1 : 0);
                });
    }

    /** Valid documents (7-decimal coordinates, right-hand rule) read and written back give the same text. */
    @Test
    void validDocumentsRoundTripLosslessly() {
        qt().withExamples(300).forAll(longs().all(), integers().between(0, 12)).checkAssert((seed, count) -> {
            String original = validDocument(new Random(seed), count);
            GeoJsonReader.Result first = readQuietly(original.getBytes(StandardCharsets.UTF_8));
            assertThat(first.problems()).isEmpty();
            String written = write(first.features().stream().map(GeoJsonReader.Feature::division).toList());
            GeoJsonReader.Result second = readQuietly(written.getBytes(StandardCharsets.UTF_8));
            assertThat(second.problems()).isEmpty();
            assertThat(write(second.features().stream().map(GeoJsonReader.Feature::division).toList())).isEqualTo(written);
            for (int i = 0; i < first.features().size(); i++) {
                Division a = first.features().get(i).division();
                Division b = second.features().get(i).division();
                assertThat(b.code()).isEqualTo(a.code());
                assertThat(b.name()).isEqualTo(a.name());
                assertThat(b.nameEn()).isEqualTo(a.nameEn());
                assertThat(b.boundary().equalsExact(a.boundary())).isTrue();
            }
        });
    }

    @Test
    void decimalsAreTheShortestSevenDigitText() {
        qt().forAll(longs().between(-1_800_000_000L, 1_800_000_000L)).checkAssert(scaled -> {
            String text = GeoJsonWriter.decimal(scaled / 1e7);
            assertThat(Math.round(Double.parseDouble(text) * 1e7)).isEqualTo(scaled);
            assertThat(text).doesNotEndWith("0.").doesNotMatch(".*\\.\\d*0$");
        });
    }

    /** Star-shaped polygons around random centres, counter-clockwise, with 7-decimal coordinates. */
    static String validDocument(Random random, int count) {
        GeoJsonText text = GeoJsonText.collection();
        for (int f = 0; f < count; f++) {
            long cx = (long) ((-170 + random.nextDouble() * 340) * 1e7);
            long cy = (long) ((-80 + random.nextDouble() * 160) * 1e7);
            int n = 3 + random.nextInt(20);
            List<Double> ring = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double angle = 2 * Math.PI * i / n;
                long r = 10_000 + random.nextInt(5_000_000);
                ring.add((cx + Math.round(r * Math.cos(angle))) / 1e7);
                ring.add((cy + Math.round(r * Math.sin(angle))) / 1e7);
            }
            ring.add(ring.get(0));
            ring.add(ring.get(1));
            double[] coordinates = ring.stream().mapToDouble(Double::doubleValue).toArray();
            String code = String.valueOf(100_000 + random.nextInt(800_000)) + (random.nextBoolean() ? "001" : "");
            String name = random.nextBoolean() ? "渝中区\\\"引号\\\"\\n" : "";
            text.feature("{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"nameEn\":\"District " + f + "\"}",
                    "{\"type\":\"Polygon\",\"coordinates\":[" + GeoJsonText.ring(coordinates) + "]}");
        }
        return text.toString();
    }

    static String write(List<Division> divisions) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GeoJsonWriter.write(out, divisions);
        return out.toString(StandardCharsets.UTF_8);
    }

    static GeoJsonReader.Result readQuietly(byte[] bytes) {
        try {
            return GeoJsonReader.read(new ByteArrayInputStream(bytes), Winding.STRICT);
        } catch (Exception e) {
            throw new AssertionError("the reader threw " + e, e);
        }
    }
}
