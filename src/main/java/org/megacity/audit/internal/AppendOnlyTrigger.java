package org.megacity.audit.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * On H2, refuses every UPDATE and DELETE of an audit record (migration
 * {@code h2/V30_2__audit_append_only.sql}); PostgreSQL has a PL/pgSQL trigger to the same end.
 * H2 loads this class by name, which is why it is public.
 */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit records are append-only: " + (newRow == null ? "DELETE" : "UPDATE")
                + " on audit_record is not allowed", "42000");
    }
}
