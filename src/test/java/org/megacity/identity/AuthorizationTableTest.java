package org.megacity.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/authorization.md} shows the authorization matrix: below its marker line the file is
 * the table generated from {@code src/main/resources/identity/authorization-matrix.csv}. When they differ
 * the test rewrites the document and fails, so a change to the table is committed with its
 * readable form.
 */
class AuthorizationTableTest {

    static final Path DOC = Path.of("docs", "authorization.md");
    static final String MARKER = "<!-- generated from src/main/resources/identity/authorization-matrix.csv by AuthorizationTableTest: edit the CSV, not below -->";

    @Test
    void theDocumentShowsTheTable() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int at = doc.indexOf(MARKER);
        assertThat(at).as(DOC + " has the marker line").isNotNegative();
        AuthorizationMatrix matrix = AuthorizationMatrix.load();
        StringBuilder rules = new StringBuilder("\n\n| jurisdiction | meaning |\n|---|---|\n");
        for (PermissionTable.Rule r : PermissionTable.Rule.values()) {
            rules.append("| ").append(r.code()).append(" | ").append(r.meaning()).append(" |\n");
        }
        String expected = doc.substring(0, at + MARKER.length()) + rules + "\n" + matrix.markdown();
        if (!expected.equals(doc)) {
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }
        assertThat(doc).as(DOC + " was out of date and has been rewritten; commit it").isEqualTo(expected);
    }

    @Test
    void everyRowNamesKnownRolesOnce() {
        AuthorizationMatrix matrix = AuthorizationMatrix.load();
        assertThat(matrix.byKey()).hasSize(matrix.rows().size());
        assertThat(matrix.rows()).allSatisfy(r -> assertThat(r.callers().equals("PUBLIC") || r.callers().equals("ANY")
                || !r.roles().isEmpty()).isTrue());
    }
}
