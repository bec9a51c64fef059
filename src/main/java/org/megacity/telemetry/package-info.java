/**
 * Sense and warn: the city's sensors bound to assets, ingestion of their readings (HTTP batches and
 * MQTT) with raw storage and rollups, alert rules (threshold, rate of change, stale, composite) and
 * the alert lifecycle, cases opened for severe alerts, and the city's vital signs.
 * Severity follows the Chinese emergency convention: I is the most severe, IV the least.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Telemetry")
package org.megacity.telemetry;
