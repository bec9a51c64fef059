package org.megacity.telemetry.internal;

/**
 * The alarm state machine of one rule on one sensor, with hysteresis, a minimum duration and a
 * hold time. Exists only while the condition is pending or an alert is open, so a sensor in its
 * normal state costs nothing.
 */
final class AlertState {

    enum Step { NONE, RAISE, RESOLVE }

    long abnormalSince = -1;
    long normalSince = -1;
    boolean open;

    /**
     * One observation at time {@code t} (non-decreasing): {@code abnormal} the alarm condition,
     * {@code clear} past the hysteresis band (never both).
     */
    Step observe(long t, boolean abnormal, boolean clear, long minDurationMillis, long holdMillis) {
        if (!open) {
            normalSince = -1;
            if (!abnormal) {
                abnormalSince = -1;
                return Step.NONE;
            }
            if (abnormalSince < 0) {
                abnormalSince = t;
            }
            if (t - abnormalSince >= minDurationMillis) {
                open = true;
                abnormalSince = -1;
                return Step.RAISE;
            }
            return Step.NONE;
        }
        if (!clear) {
            normalSince = -1;
            return Step.NONE;
        }
        if (normalSince < 0) {
            normalSince = t;
        }
        if (t - normalSince >= holdMillis) {
            open = false;
            normalSince = -1;
            return Step.RESOLVE;
        }
        return Step.NONE;
    }

    /** Nothing pending and no alert open: the state can be dropped. */
    boolean idle() {
        return !open && abnormalSince < 0 && normalSince < 0;
    }
}
