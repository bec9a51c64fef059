package org.megacity.identity;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.megacity.identity.PermissionTable.Row;

/**
 * The authorization matrix as the tests use it: the platform's {@link PermissionTable}
 * ({@code src/main/resources/identity/authorization-matrix.csv}), for every operation of the
 * OpenAPI document who may call it and which jurisdiction rule applies. The readable form,
 * {@code docs/authorization.md}, is generated from it ({@link AuthorizationTableTest}) and the
 * running application is checked against it ({@link AuthorizationMatrixIT}).
 */
public record AuthorizationMatrix(List<Row> rows) {

    public static final String RESOURCE = "src/main/resources" + PermissionTable.RESOURCE;

    public static AuthorizationMatrix load() {
        return new AuthorizationMatrix(PermissionTable.platform().rows());
    }

    public Map<String, Row> byKey() {
        return new PermissionTable(rows).byKey();
    }

    /** The table as Markdown. */
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
