package org.megacity.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The database the platform runs on, for the few places that write a statement for one of them
 * (PostgreSQL's one-statement writes and {@code COPY}, H2's {@code SCRIPT}); everything else is
 * written once for both.
 */
public enum DatabaseProduct {
    POSTGRESQL, H2, OTHER;

    /** The product behind the connection, from its metadata. */
    public static DatabaseProduct of(Connection connection) throws SQLException {
        String name = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return name.contains("postgres") ? POSTGRESQL : name.contains("h2") ? H2 : OTHER;
    }

    /** The product behind the data source (borrows one connection to ask). */
    public static DatabaseProduct of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return of(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database the platform runs on", e);
        }
    }
}
