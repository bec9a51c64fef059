package org.megacity.platform.internal;

import org.megacity.platform.CliCommand;
import org.megacity.platform.DataDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code ./megacity restore [--data DIR] [--keys FILE] IN}: restores a backup of {@code ./megacity
 * backup} into an empty data directory. {@link DataRestore} unpacks it before the application
 * starts; this command runs once the application has opened the restored database (and brought its
 * schema up to this version), and says so.
 */
@Component
class RestoreCommand implements CliCommand {

    private final DataDirectory data;
    private final JdbcClient jdbc;

    RestoreCommand(DataDirectory data, JdbcClient jdbc) {
        this.data = data;
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "restore";
    }

    @Override
    public String synopsis() {
        return "[--data DIR] [--keys FILE] IN";
    }

    @Override
    public String summary() {
        return "Restore a backup (IN and IN.keys) into an empty data directory";
    }

    @Override
    public int run(Invocation invocation) {
        String schema = jdbc.sql("select version from flyway_schema_history where success order by installed_rank desc limit 1")
                .query(String.class).optional().orElse("none");
        invocation.out().println("ok: " + data.root() + " opens, database schema at version " + schema
                + "; check it with ./megacity audit verify --data " + data.root());
        return 0;
    }
}
