package org.megacity.telemetry;

/** Test helper: whether the MQTT broker of {@link TelemetryMqttIT} answers. */
public final class TelemetryMqttITAccess {

    private TelemetryMqttITAccess() {
    }

    public static boolean reachable() {
        return TelemetryMqttIT.brokerReachable();
    }
}
