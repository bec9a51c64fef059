package org.megacity.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs integration tests on PostgreSQL only when it is reachable. Where the run requires it
 * ({@code -Dmegacity.test.pg.required=true}, as CI does), an unreachable server fails the tests
 * instead of skipping them.
 */
class DatabaseAvailability implements ExecutionCondition {

    private static Boolean reachable;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TestDatabase.postgres()) {
            return ConditionEvaluationResult.enabled("embedded H2");
        }
        if (reachable()) {
            return ConditionEvaluationResult.enabled("PostgreSQL at " + TestDatabase.adminUrl());
        }
        if (Boolean.getBoolean("megacity.test.pg.required")) {
            throw new IllegalStateException("PostgreSQL is required for this run but not reachable at " + TestDatabase.adminUrl());
        }
        return ConditionEvaluationResult.disabled("PostgreSQL not reachable at " + TestDatabase.adminUrl());
    }

    private static synchronized boolean reachable() {
        if (reachable == null) {
            try (Connection c = DriverManager.getConnection(TestDatabase.adminUrl(), TestDatabase.adminUser(),
                    TestDatabase.adminPassword())) {
                reachable = c.isValid(5);
            } catch (SQLException e) {
                reachable = false;
            }
        }
        return reachable;
    }
}
