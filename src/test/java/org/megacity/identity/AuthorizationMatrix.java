package org.megacity.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The authorization matrix, {@code src/test/resources/authorization-matrix.csv}: for every operation
 * of the OpenAPI document, who may call it and which jurisdiction rule applies. The readable form,
 * {@code docs/authorization.md}, is generated from it ({@link AuthorizationTableTest}) and the
 * running application is checked against it ({@link AuthorizationMatrixIT}).
 *
 * <p>Columns: {@code method,path,callers,jurisdiction,notes}. Callers: {@code PUBLIC} (anyone, also
 * without an account), {@code ANY} (any signed-in account), or role names separated by spaces.
 */
public record AuthorizationMatrix(List<Row> rows) {

    public static final String RESOURCE = "/authorization-matrix.csv";

    /** The jurisdiction rules of the table. */
    public enum Rule {
        PUBLIC("public", "anyone, no account needed"),
        CITYWIDE("citywide", "the role alone decides; the data is citywide (catalogues, configuration, legislation)"),
        OWN_DIVISION("own-division", "the object or the division named must lie in the caller's divisions; outside: 403 (or 404 where the module hides what the caller cannot see)"),
        OWN_DEPARTMENT("own-department", "the object must belong to one of the caller's departments; outside: 403 or 404"),
        DIVISION_OR_DEPARTMENT("division-or-department", "inspectors, dispatchers, supervisors by division, department handlers by department; outside: 403 or 404"),
        FILTERED("filtered", "lists show only what lies in the caller's jurisdiction (never refused for it)"),
        OWNER("owner", "only the account that owns the object (its own tokens, opinions, suggestions, contact point)");

        private final String code;
        private final String meaning;

        Rule(String code, String meaning) {
            this.code = code;
            this.meaning = meaning;
        }

        public String code() {
            return code;
        }

        public String meaning() {
            return meaning;
        }

        static Rule of(String code) {
            return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown jurisdiction rule '" + code + "'"));
        }
    }

    /** One operation. {@code roles} is empty for PUBLIC and ANY. */
    public record Row(String method, String path, String callers, Set<Role> roles, Rule rule, String notes) {

        public String key() {
            return method + " " + path;
        }

        public boolean isPublic() {
            return callers.equals("PUBLIC");
        }

        /** Whether a caller with {@code role} (null: anonymous) passes the role check. */
        public boolean allows(Role role) {
            if (isPublic()) {
                return true;
            }
            if (role == null) {
                return false;
            }
            return callers.equals("ANY") || roles.contains(role);
        }
    }

    public static AuthorizationMatrix load() {
        try (InputStream in = AuthorizationMatrix.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AuthorizationMatrix parse(String csv) {
        List<Row> rows = new ArrayList<>();
        String[] lines = csv.split("\n");
        if (!lines[0].equals("method,path,callers,jurisdiction,notes")) {
            throw new IllegalArgumentException("unexpected header: " + lines[0]);
        }
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", 5);
            if (cells.length < 4) {
                throw new IllegalArgumentException("line " + (i + 1) + ": too few cells: " + line);
            }
            String callers = cells[2].strip();
            Set<Role> roles = EnumSet.noneOf(Role.class);
            if (!callers.equals("PUBLIC") && !callers.equals("ANY")) {
                for (String r : callers.split(" +")) {
                    roles.add(Role.valueOf(r));
                }
            }
            String notes = cells.length > 4 ? unquote(cells[4].strip()) : "";
            rows.add(new Row(cells[0].strip(), cells[1].strip(), callers, roles, Rule.of(cells[3].strip()), notes));
        }
        return new AuthorizationMatrix(List.copyOf(rows));
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1).replace("\"\"", "\"") : s;
    }

    public Map<String, Row> byKey() {
        Map<String, Row> map = new LinkedHashMap<>();
        for (Row r : rows) {
            if (map.put(r.key(), r) != null) {
                throw new IllegalStateException("duplicate row " + r.key());
            }
        }
        return map;
    }

    /** The table as Markdown, one section per top-level path group. */
    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| method | path | who may call | jurisdiction | notes |\n|---|---|---|---|---|\n");
        for (Row r : rows) {
            String who = r.isPublic() ? "anyone (no account)" : r.callers().equals("ANY") ? "any signed-in account"
                    : r.roles().stream().map(Role::name).collect(Collectors.joining(", "));
            out.append("| ").append(r.method()).append(" | `").append(r.path()).append("` | ").append(who).append(" | ")
                    .append(r.rule().code()).append(" | ").append(r.notes().replace("|", "\\|")).append(" |\n");
        }
        return out.toString();
    }
}
