package org.megacity.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "the database cannot be reached" (answered 503) and which do not (500, 4xx). */
class DatabaseOutageTest {

    @Test
    void anUnreachableDatabaseIsRecognisedThroughItsWrappers() {
        SQLTransientConnectionException poolTimeout = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 3000ms");
        assertThat(DatabaseOutage.causedBy(new CannotGetJdbcConnectionException("no connection", poolTimeout))).isTrue();
        assertThat(DatabaseOutage.causedBy(new CannotCreateTransactionException("no transaction", poolTimeout))).isTrue();
        assertThat(DatabaseOutage.causedBy(new InternalAuthenticationServiceException("token lookup",
                new IllegalStateException(poolTimeout)))).isTrue();
        assertThat(DatabaseOutage.causedBy(new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
        assertThat(DatabaseOutage.causedBy(new RuntimeException(new SQLException("terminating connection", "57P01")))).isTrue();
        assertThat(DatabaseOutage.causedBy(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")))).isTrue();
        TransactionSystemException rollbackAfterStatement = new TransactionSystemException("JDBC rollback failed",
                new IllegalStateException("rollback"));
        rollbackAfterStatement.initApplicationException(new SQLException("I/O error", "08006"));
        assertThat(DatabaseOutage.causedBy(rollbackAfterStatement)).isTrue();
    }

    @Test
    void otherFailuresAreNotOutages() {
        assertThat(DatabaseOutage.causedBy(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseOutage.causedBy(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseOutage.causedBy(new SQLException("syntax error", "42601"))).isFalse();
        RuntimeException loop = new RuntimeException("loop");
        loop.initCause(new IllegalArgumentException(loop.getMessage()));
        assertThat(DatabaseOutage.causedBy(loop)).isFalse();
    }
}
