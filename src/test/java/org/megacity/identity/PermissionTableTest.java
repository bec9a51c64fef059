package org.megacity.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The permission table the platform ships: read from the class path, written back byte for byte. */
class PermissionTableTest {

    @Test
    void theShippedTableIsWrittenBackAsItIsShippedAndReadsBackEqual() throws Exception {
        String shipped;
        try (InputStream in = PermissionTable.class.getResourceAsStream(PermissionTable.RESOURCE)) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        PermissionTable table = PermissionTable.platform();

        assertThat(table.rows()).hasSizeGreaterThan(100);
        assertThat(table.csv()).isEqualTo(shipped);
        assertThat(PermissionTable.parse(table.csv()).table()).isEqualTo(table);
    }

    @Test
    void aDuplicateOperationOrAWrongHeaderIsAProblemAtItsLine() {
        PermissionTable.Parsed twice = PermissionTable.parse(PermissionTable.HEADER + "\nGET,/a,ANY,citywide,x\nGET,/a,PUBLIC,public,y\n");
        assertThat(twice.table()).isNull();
        assertThat(twice.problems()).containsExactly(new PermissionTable.Problem(3, "GET /a is already on line 2"));

        PermissionTable.Parsed header = PermissionTable.parse("verb,path\n");
        assertThat(header.problems()).extracting(PermissionTable.Problem::line).containsExactly(1);
    }
}
