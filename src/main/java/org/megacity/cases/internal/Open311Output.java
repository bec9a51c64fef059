package org.megacity.cases.internal;

import java.util.List;
import java.util.Map;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * Writes Open311 responses as JSON or XML from lists of ordered maps. XML follows the spec's shape:
 * a root element, one element per item, one child per field (nested lists as wrapper elements).
 */
final class Open311Output {

    private Open311Output() {
    }

    static String json(Object value) {
        StringBuilder out = new StringBuilder();
        json(value, out);
        return out.toString();
    }

    private static void json(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            out.append('"');
            JsonStringEncoder.getInstance().quoteAsString(s, out);
            out.append('"');
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                json(String.valueOf(e.getKey()), out);
                out.append(':');
                json(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                json(list.get(i), out);
            }
            out.append(']');
        } else {
            json(String.valueOf(value), out);
        }
    }

    /**
     * XML with the declaration; {@code items} is a map (one element {@code root}) or a list (each item
     * an {@code item} element). Nested lists become a wrapper whose children are named by
     * {@code childNames} (e.g. attributes → attribute), else {@code item}.
     */
    static String xml(String root, String item, Object items, Map<String, String> childNames) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        if (items instanceof List<?> list) {
            out.append('<').append(root).append('>');
            for (Object o : list) {
                element(item, o, out, childNames);
            }
            out.append("</").append(root).append(">\n");
        } else {
            element(root, items, out, childNames);
            out.append('\n');
        }
        return out.toString();
    }

    private static void element(String name, Object value, StringBuilder out, Map<String, String> childNames) {
        if (value == null) {
            out.append('<').append(name).append("/>");
            return;
        }
        out.append('<').append(name).append('>');
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                element(String.valueOf(e.getKey()), e.getValue(), out, childNames);
            }
        } else if (value instanceof List<?> list) {
            String child = childNames.getOrDefault(name, "item");
            for (Object o : list) {
                element(child, o, out, childNames);
            }
        } else {
            escape(String.valueOf(value), out);
        }
        out.append("</").append(name).append('>');
    }

    private static void escape(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
    }
}
