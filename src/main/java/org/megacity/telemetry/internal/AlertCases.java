package org.megacity.telemetry.internal;

import org.megacity.cases.CaseClosed;
import org.megacity.cases.CaseIntake;
import org.megacity.telemetry.AlertRaised;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * After an alert of severity III or higher (1–3; I is the most severe) commits, files a case through
 * cases' intake at the sensor's location and keeps the case id on the alert; when that case closes,
 * annotates the alert.
 */
@Component
class AlertCases {

    private static final Logger log = LoggerFactory.getLogger(AlertCases.class);

    private final CaseIntake intake;
    private final AlertStore alerts;

    AlertCases(CaseIntake intake, AlertStore alerts) {
        this.intake = intake;
        this.alerts = alerts;
    }

    @ApplicationModuleListener
    void on(AlertRaised alert) {
        if (alert.severity() > 3 || alert.category() == null) {
            return;
        }
        try {
            CaseIntake.CaseReceipt receipt = intake.sensorAlert(new CaseIntake.SensorAlert(alert.sensorId(),
                    alert.category(), alert.lon(), alert.lat(), "[" + roman(alert.severity()) + "] " + alert.message()));
            alerts.linkCase(alert.alertId(), receipt.caseId());
        } catch (IllegalArgumentException e) {
            log.warn("telemetry: alert {} opened no case: {}", alert.alertId(), e.getMessage());
        }
    }

    /** Only cases opened by alerts: other closures are not even registered as publications for this listener. */
    @ApplicationModuleListener(condition = "#closed.channel() == T(org.megacity.cases.Channel).SENSOR")
    void on(CaseClosed closed) {
        alerts.annotateCase(closed.caseId(), "case " + closed.caseId() + " closed " + closed.at()
                + (closed.onTime() ? " on time" : " late"));
    }

    static String roman(int severity) {
        return switch (severity) {
            case 1 -> "I";
            case 2 -> "II";
            case 3 -> "III";
            default -> "IV";
        };
    }
}
