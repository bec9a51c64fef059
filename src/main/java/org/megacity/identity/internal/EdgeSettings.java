package org.megacity.identity.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits applied to every request before it reaches authentication ({@code megacity.protection.*});
 * see docs/security.md, "Hostile input at the edge".
 *
 * @param maxBody         the largest request body (JSON, text, form) of a write; a larger one is
 *                        refused with 413 before it is read (default 4MB). Multipart uploads have
 *                        Spring's multipart limits.
 * @param bulkPaths       paths of bulk uploads that take up to {@code maxBulkBody} instead (geo and
 *                        asset imports, telemetry batches; the first two also check their own,
 *                        lower limits)
 * @param maxBulkBody     the largest body of a bulk upload (default 128MB)
 * @param signInRate      sign-in attempts per client address per {@code rateWindow} (the form login,
 *                        password changes, token issuing with a password); default 20
 * @param publicWriteRate writes per client address per {@code rateWindow} to paths that modules open
 *                        to the public ({@code PublicAccess}: Open311 POST, opinions, the public
 *                        report form); default 30
 * @param rateWindow      the window the rates refer to; a bucket refills continuously (default 1 minute)
 * @param maxAddresses    client addresses tracked at once; beyond it, new addresses share one bucket
 *                        until idle ones are dropped (default 100,000)
 */
@ConfigurationProperties("megacity.protection")
public record EdgeSettings(
        @DefaultValue("4MB") DataSize maxBody,
        @DefaultValue({"/api/v1/geo/import", "/api/v1/geo/divisions/*/grids", "/api/v1/assets/import",
                "/api/v1/telemetry/readings"}) List<String> bulkPaths,
        @DefaultValue("128MB") DataSize maxBulkBody,
        @DefaultValue("20") int signInRate,
        @DefaultValue("30") int publicWriteRate,
        @DefaultValue("1m") Duration rateWindow,
        @DefaultValue("100000") int maxAddresses) {

    public EdgeSettings {
        if (maxBody.toBytes() < 1024 || maxBulkBody.toBytes() < maxBody.toBytes()) {
            throw new IllegalArgumentException("megacity.protection.max-body must be at least 1KB and at most max-bulk-body");
        }
        if (signInRate < 1 || publicWriteRate < 1 || signInRate > 100_000 || publicWriteRate > 100_000) {
            throw new IllegalArgumentException("megacity.protection.sign-in-rate and public-write-rate must be 1 to 100,000");
        }
        if (rateWindow.compareTo(Duration.ofSeconds(1)) < 0 || rateWindow.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("megacity.protection.rate-window must be between 1 second and 1 day");
        }
        if (maxAddresses < 100) {
            throw new IllegalArgumentException("megacity.protection.max-addresses must be at least 100");
        }
        bulkPaths = List.copyOf(bulkPaths);
    }
}
