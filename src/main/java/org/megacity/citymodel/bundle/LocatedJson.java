package org.megacity.citymodel.bundle;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * A JSON document read into plain values ({@link Map}, {@link List}, {@link String},
 * {@link BigDecimal}, {@link Boolean}, null) with the line each value starts on, by its JSON pointer
 * (RFC 6901), so that a problem found later can name its line.
 */
final class LocatedJson {

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(32).maxNumberLength(64).maxStringLength(1 << 16).maxNameLength(200).build())
            .build();

    /** A document read, or why it could not be. */
    sealed interface Outcome {
    }

    record Read(Object root, Map<String, Integer> lines) implements Outcome {

        /** The line of the value at the pointer, or of its nearest ancestor; 1 when unknown. */
        int line(String pointer) {
            for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
                Integer line = lines.get(p);
                if (line != null) {
                    return line;
                }
                if (p.isEmpty()) {
                    return 1;
                }
            }
        }
    }

    record Malformed(int line, int column, String message) implements Outcome {
    }

    private LocatedJson() {
    }

    static Outcome parse(byte[] bytes) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), new ByteArrayInputStream(bytes))) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return new Malformed(1, 1, "the file is empty");
            }
            Object root = value(p, "", lines);
            if (p.nextToken() != null) {
                return new Malformed(p.currentTokenLocation().getLineNr(), p.currentTokenLocation().getColumnNr(),
                        "more content after the document's end");
            }
            return new Read(root, lines);
        } catch (JacksonException e) {
            var at = e.getLocation();
            String message = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage();
            int cut = message.indexOf('\n');
            return new Malformed(at == null ? 1 : Math.max(1, at.getLineNr()), at == null ? 1 : Math.max(1, at.getColumnNr()),
                    "malformed JSON: " + (cut < 0 ? message : message.substring(0, cut)));
        }
    }

    private static Object value(JsonParser p, String pointer, Map<String, Integer> lines) {
        lines.put(pointer, p.currentTokenLocation().getLineNr());
        JsonToken token = p.currentToken();
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                    if (object.containsKey(name)) {
                        throw new DuplicateMember(name, p);
                    }
                    object.put(name, value(p, child, lines));
                }
                yield object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(p, pointer + "/" + array.size(), lines));
                }
                yield array;
            }
            case VALUE_STRING -> p.getString();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IllegalStateException("unexpected " + token);
        };
    }

    /** A member named twice in one object: JSON allows it, a bundle does not. */
    static final class DuplicateMember extends tools.jackson.core.exc.StreamReadException {
        DuplicateMember(String name, JsonParser p) {
            super(p, "the member \"" + name + "\" appears twice in one object");
        }
    }
}
