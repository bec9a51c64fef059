package org.megacity.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The permission table (docs/authorization.md): for every operation of the API, who may call it and
 * which jurisdiction rule applies. It ships with the platform as
 * {@code src/main/resources/identity/authorization-matrix.csv}; the rules themselves are code (the
 * roles and the {@code @PreAuthorize} checks of each module), and {@code AuthorizationMatrixIT}
 * checks the running application against this table.
 *
 * <p>Columns: {@code method,path,callers,jurisdiction,notes}. Callers: {@code PUBLIC} (anyone, also
 * without an account), {@code ANY} (any signed-in account), or role names separated by spaces. A
 * note holding a comma or a quote is quoted as in RFC 4180.
 */
public record PermissionTable(List<Row> rows) {

    /** The class-path resource of the platform's table. */
    public static final String RESOURCE = "/identity/authorization-matrix.csv";
    /** The first line of the table. */
    public static final String HEADER = "method,path,callers,jurisdiction,notes";

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    public PermissionTable {
        rows = List.copyOf(rows);
    }

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

        /** The rule with this code, or null. */
        public static Rule of(String code) {
            return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst().orElse(null);
        }
    }

    /** One operation. {@code roles} is empty for PUBLIC and ANY. */
    public record Row(String method, String path, String callers, Set<Role> roles, Rule rule, String notes) {

        public Row {
            roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        }

        /** {@code METHOD /path}, unique in a table. */
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

        /** Who may call and under which rule, e.g. {@code DISPATCHER SUPERVISOR (own-division)}: what a permission means. */
        public String grant() {
            return callers + " (" + rule.code() + ")";
        }

        /** Whether the two rows grant the same callers under the same rule (notes are commentary). */
        public boolean sameGrant(Row other) {
            return callers.equals(other.callers) && rule == other.rule;
        }

        String csv() {
            String quoted = notes.contains(",") || notes.contains("\"")
                    ? "\"" + notes.replace("\"", "\"\"") + "\"" : notes;
            return method + "," + path + "," + callers + "," + rule.code() + "," + quoted;
        }
    }

    /** Something wrong with one line of a table (1-based; 0: the table as a whole). */
    public record Problem(int line, String message) {
    }

    /**
     * A table read from text: its rows and the line of each (by {@link Row#key()}), or the problems.
     * {@code table} is null when there is a problem.
     */
    public record Parsed(PermissionTable table, Map<String, Integer> lines, List<Problem> problems) {

        public Parsed {
            lines = Collections.unmodifiableMap(new LinkedHashMap<>(lines));
            problems = List.copyOf(problems);
        }
    }

    private static volatile PermissionTable platform;

    /** The table this platform enforces (the class-path resource). */
    public static PermissionTable platform() {
        PermissionTable table = platform;
        if (table == null) {
            try (InputStream in = PermissionTable.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing class-path resource " + RESOURCE);
                }
                Parsed parsed = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                if (parsed.table() == null) {
                    throw new IllegalStateException(RESOURCE + " is broken: " + parsed.problems());
                }
                table = parsed.table();
                platform = table;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return table;
    }

    /** Reads a table, collecting a problem for every line that is not a valid row. */
    public static Parsed parse(String csv) {
        List<Problem> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        String[] text = csv.split("\n", -1);
        if (!strip(text[0]).equals(HEADER)) {
            problems.add(new Problem(1, "the first line must be the header '" + HEADER + "'"));
            return new Parsed(null, lines, problems);
        }
        for (int i = 1; i < text.length; i++) {
            int line = i + 1;
            String content = strip(text[i]);
            if (content.isBlank()) {
                continue;
            }
            String[] cells = content.split(",", 5);
            if (cells.length < 4) {
                problems.add(new Problem(line, "a row has the cells method,path,callers,jurisdiction,notes; this one has "
                        + cells.length));
                continue;
            }
            String method = cells[0].strip();
            String path = cells[1].strip();
            String callers = cells[2].strip();
            String code = cells[3].strip();
            String notes = cells.length > 4 ? unquote(cells[4].strip()) : "";
            boolean ok = true;
            if (!METHODS.contains(method)) {
                problems.add(new Problem(line, "'" + method + "' is not an HTTP method (one of " + sorted(METHODS) + ")"));
                ok = false;
            }
            if (!path.startsWith("/")) {
                problems.add(new Problem(line, "the path '" + path + "' must start with /"));
                ok = false;
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            if (callers.isEmpty()) {
                problems.add(new Problem(line, "no callers: PUBLIC, ANY or role names separated by spaces"));
                ok = false;
            } else if (!callers.equals("PUBLIC") && !callers.equals("ANY")) {
                for (String r : callers.split(" +")) {
                    Role role = Arrays.stream(Role.values()).filter(x -> x.name().equals(r)).findFirst().orElse(null);
                    if (role == null) {
                        problems.add(new Problem(line, "'" + r + "' is not a role this platform knows (PUBLIC, ANY or one of "
                                + Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(", ")) + ")"));
                        ok = false;
                    } else if (!roles.add(role)) {
                        problems.add(new Problem(line, "the role " + r + " is named twice"));
                        ok = false;
                    }
                }
            }
            Rule rule = Rule.of(code);
            if (rule == null) {
                problems.add(new Problem(line, "'" + code + "' is not a jurisdiction rule (one of "
                        + Arrays.stream(Rule.values()).map(Rule::code).collect(Collectors.joining(", ")) + ")"));
                ok = false;
            }
            if (!ok) {
                continue;
            }
            Row row = new Row(method, path, callers, roles, rule, notes);
            Integer earlier = lines.putIfAbsent(row.key(), line);
            if (earlier != null) {
                problems.add(new Problem(line, row.key() + " is already on line " + earlier));
                continue;
            }
            rows.add(row);
        }
        return new Parsed(problems.isEmpty() ? new PermissionTable(rows) : null, lines, problems);
    }

    private static String strip(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static String sorted(Set<String> set) {
        return set.stream().sorted().collect(Collectors.joining(", "));
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")
                ? s.substring(1, s.length() - 1).replace("\"\"", "\"") : s;
    }

    /** The rows by {@link Row#key()}, in order. */
    public Map<String, Row> byKey() {
        Map<String, Row> map = new LinkedHashMap<>();
        for (Row r : rows) {
            if (map.put(r.key(), r) != null) {
                throw new IllegalStateException("duplicate row " + r.key());
            }
        }
        return map;
    }

    /** The table as CSV text, the header first; {@link #parse} reads it back to an equal table. */
    public String csv() {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (Row r : rows) {
            out.append(r.csv()).append('\n');
        }
        return out.toString();
    }
}
