package org.megacity.opinionanalysis.internal.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.megacity.opinionanalysis.OpinionText;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads opinions from JSON lines ({@code {"id": ..., "text": ..., "article": ..., "channel": ...,
 * "received_at": ...}} per line) or CSV with a header {@code id,text[,article,channel,received_at]}
 * (RFC 4180 quoting; a quoted field may span lines). The format is taken from the extension
 * ({@code .csv}; {@code .jsonl}, {@code .ndjson}, {@code .json}) or else from the first character
 * ({@code {} for JSON lines). A bad record is skipped with its reason and the reading goes on; blank
 * lines are ignored.
 */
public final class OpinionFileReader {

    /** The longest opinion text accepted, in characters. */
    public static final int MAX_TEXT_CHARS = 100_000;
    /** The longest record accepted, in bytes; a longer one is skipped without being held in memory. */
    public static final int MAX_RECORD_BYTES = 1 << 20;

    public enum Format { JSON_LINES, CSV }

    /** A skipped record: where it started (1-based line), its id when known, and why. */
    public record Skipped(long line, String id, String reason) {
    }

    /** What was read. */
    public record Result(Format format, List<OpinionText> opinions, List<Skipped> skipped, long records) {
        public Map<String, Integer> skippedByReason() {
            Map<String, Integer> out = new LinkedHashMap<>();
            for (Skipped s : skipped) {
                out.merge(s.reason(), 1, Integer::sum);
            }
            return out;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<OpinionText> opinions = new ArrayList<>();
    private final List<Skipped> skipped = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private long records;
    private String[] header;

    private OpinionFileReader() {
    }

    public static Format detect(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return Format.CSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return Format.JSON_LINES;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            int b;
            while ((b = in.read()) >= 0) {
                if (b == 0xEF || b == 0xBB || b == 0xBF || Character.isWhitespace(b)) {
                    continue;
                }
                return b == '{' ? Format.JSON_LINES : Format.CSV;
            }
        }
        return Format.JSON_LINES;
    }

    /**
     * Reads a file.
     *
     * @throws IllegalArgumentException when a CSV file has no {@code id,text} header
     */
    public static Result read(Path file, ProgressReport progress) throws IOException {
        Format format = detect(file);
        OpinionFileReader reader = new OpinionFileReader();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            reader.scan(in, format, progress);
        }
        return new Result(format, reader.opinions, reader.skipped, reader.records);
    }

    /** Reports reading progress (records so far). */
    @FunctionalInterface
    public interface ProgressReport {
        void records(long count);
    }

    private void scan(InputStream in, Format format, ProgressReport progress) throws IOException {
        byte[] buf = new byte[4096];
        int size = 0;
        boolean tooLarge = false;
        boolean quoted = false;
        long line = 1;
        long startLine = 1;
        boolean first = true;
        int b;
        while (true) {
            b = in.read();
            boolean end = b < 0;
            boolean recordEnd = end || (b == '\n' && !(format == Format.CSV && quoted));
            if (!recordEnd) {
                if (format == Format.CSV && b == '"') {
                    quoted = !quoted;
                }
                if (b == '\n') {
                    line++;
                }
                if (!tooLarge) {
                    if (size == MAX_RECORD_BYTES) {
                        tooLarge = true;
                    } else {
                        if (size == buf.length) {
                            buf = Arrays.copyOf(buf, Math.min(MAX_RECORD_BYTES, buf.length * 2));
                        }
                        buf[size++] = (byte) b;
                    }
                }
                continue;
            }
            int from = 0;
            if (first && size >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
                from = 3; // byte order mark
            }
            int to = size;
            if (to > from && buf[to - 1] == '\r') {
                to--;
            }
            if (tooLarge) {
                records++;
                skip(startLine, null, "record over " + MAX_RECORD_BYTES + " bytes");
            } else if (end && format == Format.CSV && quoted) {
                records++;
                skip(startLine, null, "unterminated quoted field");
            } else if (!isBlank(buf, from, to)) {
                if (first && format == Format.CSV) {
                    try {
                        header(decode(buf, from, to));
                    } catch (CharacterCodingException e) {
                        throw new IllegalArgumentException("the CSV header is not UTF-8 text: it must be id,text[,article,channel]");
                    }
                } else {
                    records++;
                    record(buf, from, to, format, startLine);
                    if (records % 100_000 == 0) {
                        progress.records(records);
                    }
                }
                first = false;
            }
            if (end) {
                break;
            }
            size = 0;
            tooLarge = false;
            quoted = false;
            line++;
            startLine = line;
        }
        if (first && format == Format.CSV) {
            throw new IllegalArgumentException("the CSV file is empty: it needs a header id,text[,article,channel]");
        }
    }

    private static boolean unpairedSurrogate(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlank(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] != ' ' && buf[i] != '\t' && buf[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private static String decode(byte[] buf, int from, int to) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(buf, from, to - from)).toString();
    }

    private void header(String line) {
        List<String> fields;
        try {
            fields = Csv.parse(line);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the CSV header is not valid: " + e.getMessage());
        }
        header = fields.stream().map(f -> f.trim().toLowerCase(Locale.ROOT)).toArray(String[]::new);
        if (header.length < 2 || !header[0].equals("id") || !header[1].equals("text")) {
            throw new IllegalArgumentException("the CSV header must start with id,text (found: " + line + ")");
        }
    }

    private void record(byte[] buf, int from, int to, Format format, long line) {
        String text;
        try {
            text = decode(buf, from, to);
        } catch (CharacterCodingException e) {
            skip(line, null, "invalid UTF-8");
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        if (format == Format.JSON_LINES) {
            JsonNode node;
            try {
                node = JSON.readTree(text);
            } catch (JacksonException e) {
                skip(line, null, "broken JSON");
                return;
            }
            if (node == null || !node.isObject()) {
                skip(line, null, "not a JSON object");
                return;
            }
            for (String name : List.of("id", "text", "article", "channel", "received_at", "receivedAt")) {
                JsonNode value = node.get(name);
                if (value != null && !value.isNull()) {
                    if (value.isValueNode()) {
                        fields.put(name.equals("receivedAt") ? "received_at" : name, value.asString());
                    } else {
                        fields.put(name, null);
                    }
                }
            }
        } else {
            List<String> values;
            try {
                values = Csv.parse(text);
            } catch (IllegalArgumentException e) {
                skip(line, null, "malformed CSV: " + e.getMessage());
                return;
            }
            if (values.size() != header.length) {
                skip(line, values.isEmpty() ? null : values.get(0), "wrong number of CSV fields");
                return;
            }
            for (int i = 0; i < header.length; i++) {
                fields.put(header[i], values.get(i).isEmpty() && i >= 2 ? null : values.get(i));
            }
        }
        String id = fields.get("id");
        if (id == null || id.isBlank()) {
            skip(line, null, "missing id");
            return;
        }
        id = id.strip();
        if (unpairedSurrogate(id)) {
            // from a JSON escape such as \ud800: no output could be written with it
            skip(line, null, "id is not valid Unicode (an unpaired surrogate)");
            return;
        }
        String body = fields.get("text");
        if (unpairedSurrogate(body) || unpairedSurrogate(fields.get("article")) || unpairedSurrogate(fields.get("channel"))) {
            skip(line, id, "text is not valid Unicode (an unpaired surrogate)");
            return;
        }
        if (body == null) {
            skip(line, id, "missing text");
            return;
        }
        if (body.isBlank()) {
            skip(line, id, "empty text");
            return;
        }
        if (body.length() > MAX_TEXT_CHARS) {
            skip(line, id, "text over " + MAX_TEXT_CHARS + " characters");
            return;
        }
        if (!ids.add(id)) {
            skip(line, id, "duplicate id");
            return;
        }
        Instant at = null;
        String when = fields.get("received_at");
        if (when != null && !when.isBlank()) {
            try {
                at = Instant.parse(when.strip());
            } catch (DateTimeParseException e) {
                at = null; // an unreadable time is dropped, the opinion kept
            }
        }
        opinions.add(new OpinionText(id, body, blankToNull(fields.get("article")), blankToNull(fields.get("channel")), at));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private void skip(long line, String id, String reason) {
        skipped.add(new Skipped(line, id, reason));
    }
}
