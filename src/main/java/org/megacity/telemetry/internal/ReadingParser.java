package org.megacity.telemetry.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads readings from a JSON array of objects ({@code sensorId}, {@code time} as ISO-8601 or epoch
 * milliseconds, {@code value}, optional {@code messageId}), a single JSON object, or CSV lines
 * {@code sensorId,time,value[,messageId]} (a header line starting with {@code sensor} is skipped).
 * A malformed element or line becomes a reading with its problem; malformed JSON structure throws.
 */
final class ReadingParser {

    static final JsonFactory FACTORY = new JsonFactory();

    /** More readings than allowed. */
    static final class TooMany extends RuntimeException {
        TooMany(int max) {
            super("more than " + max + " readings in one request");
        }
    }

    private ReadingParser() {
    }

    static List<Telemetry.RawReading> json(InputStream in, int max) {
        List<Telemetry.RawReading> out = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), in)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                out.add(element(p, 0));
            } else if (t == JsonToken.START_ARRAY) {
                int i = 0;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == null) {
                        throw new IllegalArgumentException("unexpected end of the JSON array");
                    }
                    if (i >= max) {
                        throw new TooMany(max);
                    }
                    if (t == JsonToken.START_OBJECT) {
                        out.add(element(p, i));
                    } else {
                        p.skipChildren();
                        out.add(new Telemetry.RawReading(i, null, null, null, null, "not a JSON object"));
                    }
                    i++;
                }
            } else {
                throw new IllegalArgumentException("expected a JSON array of readings");
            }
        } catch (JacksonException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage());
        }
        return out;
    }

    private static Telemetry.RawReading element(JsonParser p, int index) {
        String sensor = null;
        Long ts = null;
        Double value = null;
        String message = null;
        String problem = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "sensorId", "sensor" -> sensor = v == JsonToken.VALUE_NULL ? null : p.getValueAsString();
                case "messageId" -> message = v == JsonToken.VALUE_NULL ? null : p.getValueAsString();
                case "time", "ts" -> {
                    if (v == JsonToken.VALUE_NUMBER_INT) {
                        ts = p.getLongValue();
                    } else if (v == JsonToken.VALUE_STRING) {
                        try {
                            ts = parseTime(p.getString());
                        } catch (IllegalArgumentException e) {
                            problem = "malformed time";
                        }
                    } else if (v != JsonToken.VALUE_NULL) {
                        p.skipChildren();
                        problem = "malformed time";
                    }
                }
                case "value" -> {
                    if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) {
                        value = p.getDoubleValue();
                    } else if (v == JsonToken.VALUE_STRING) {
                        try {
                            value = Double.parseDouble(p.getString().trim());
                        } catch (NumberFormatException e) {
                            problem = "malformed value";
                        }
                    } else if (v != JsonToken.VALUE_NULL) {
                        p.skipChildren();
                        problem = "malformed value";
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new IllegalArgumentException("malformed JSON element " + index);
        }
        return new Telemetry.RawReading(index, sensor, ts, value, message, problem);
    }

    static long parseTime(String text) {
        String s = text.trim();
        if (!s.isEmpty() && (Character.isDigit(s.charAt(0)) && s.chars().allMatch(Character::isDigit))) {
            return Long.parseLong(s);
        }
        try {
            return Instant.parse(s).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            // ArithmeticException: a valid instant beyond the epoch milliseconds a long holds (year ±999999999)
            throw new IllegalArgumentException("malformed time " + s);
        }
    }

    static List<Telemetry.RawReading> csv(InputStream in, int max) throws IOException {
        List<Telemetry.RawReading> out = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String line;
        int i = 0;
        boolean first = true;
        while ((line = r.readLine()) != null) {
            if (first && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (first && line.toLowerCase(java.util.Locale.ROOT).startsWith("sensor")) {
                first = false;
                continue;
            }
            first = false;
            if (line.isBlank()) {
                continue;
            }
            if (i >= max) {
                throw new TooMany(max);
            }
            out.add(csvLine(line, i++));
        }
        return out;
    }

    static Telemetry.RawReading csvLine(String line, int index) {
        String[] f = line.split(",", -1);
        if (f.length < 3 || f.length > 4) {
            return new Telemetry.RawReading(index, f.length > 0 ? f[0].trim() : null, null, null, null,
                    "malformed line: expected sensorId,time,value[,messageId]");
        }
        String sensor = f[0].trim();
        Long ts;
        Double value;
        try {
            ts = parseTime(f[1]);
        } catch (IllegalArgumentException e) {
            return new Telemetry.RawReading(index, sensor, null, null, null, "malformed time");
        }
        try {
            value = Double.parseDouble(f[2].trim());
        } catch (NumberFormatException e) {
            return new Telemetry.RawReading(index, sensor, ts, null, null, "malformed value");
        }
        String message = f.length == 4 && !f[3].isBlank() ? f[3].trim() : null;
        return new Telemetry.RawReading(index, sensor, ts, value, message, null);
    }
}
