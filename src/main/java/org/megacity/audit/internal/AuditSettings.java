package org.megacity.audit.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the audit trail ({@code megacity.audit.*}).
 *
 * @param retentionDays how long records are kept, at least 180 days (MLPS 2.0 level 3 and the
 *                      Cybersecurity Law, art. 21: network logs kept no less than six months).
 *                      Nothing deletes records yet; archiving older ones is future work, and it
 *                      will never touch records younger than this.
 */
@ConfigurationProperties("megacity.audit")
public record AuditSettings(@DefaultValue("180") int retentionDays) {

    public static final int MINIMUM_RETENTION_DAYS = 180;

    public AuditSettings {
        if (retentionDays < MINIMUM_RETENTION_DAYS) {
            throw new IllegalArgumentException("megacity.audit.retention-days is " + retentionDays
                    + ", but audit records must be kept at least " + MINIMUM_RETENTION_DAYS
                    + " days (MLPS 2.0 level 3: six months); set 180 or more");
        }
    }
}
