package org.megacity.telemetry.internal;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.megacity.identity.Actor;
import org.megacity.identity.CurrentActor;
import org.megacity.platform.Problems;
import org.megacity.telemetry.AlertRaised;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/vitals?division=} and the live stream {@code GET /api/v1/vitals/stream}
 * (Server-Sent Events: {@code vitals} every few seconds, {@code alert} as soon as one is raised).
 */
@RestController
class VitalsApi {

    private record Listener(SseEmitter emitter, String division, Actor actor) {
    }

    private final Vitals vitals;
    private final CurrentActor current;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    VitalsApi(Vitals vitals, CurrentActor current) {
        this.vitals = vitals;
        this.current = current;
    }

    private String checked(String division) {
        Actor actor = current.get();
        if (division == null || division.isBlank()) {
            if (!actor.jurisdiction().citywide()) {
                throw Problems.forbidden("the whole city is outside your jurisdiction; name a division");
            }
            return null;
        }
        if (!division.matches("\\d{6,15}")) {
            throw Problems.invalid("division", "a division code");
        }
        if (!actor.jurisdiction().covers(division)) {
            throw Problems.forbidden("division " + division + " is outside your jurisdiction");
        }
        return division;
    }

    @GetMapping("/api/v1/vitals")
    @PreAuthorize(TelemetryApi.READERS)
    Vitals.Snapshot get(@RequestParam(required = false) String division) {
        return vitals.of(checked(division));
    }

    @GetMapping(value = "/api/v1/vitals/stream", produces = "text/event-stream")
    @PreAuthorize(TelemetryApi.READERS)
    SseEmitter stream(@RequestParam(required = false) String division) {
        String d = checked(division);
        SseEmitter emitter = new SseEmitter(30 * 60_000L);
        Listener l = new Listener(emitter, d, current.get());
        listeners.add(l);
        emitter.onCompletion(() -> listeners.remove(l));
        emitter.onTimeout(() -> listeners.remove(l));
        emitter.onError(e -> listeners.remove(l));
        send(l, "vitals", vitals.of(d));
        return emitter;
    }

    @Scheduled(fixedDelayString = "${megacity.telemetry.vitals-push:5s}")
    void push() {
        for (Listener l : listeners) {
            send(l, "vitals", vitals.of(l.division()));
        }
    }

    @TransactionalEventListener
    void on(AlertRaised alert) {
        for (Listener l : listeners) {
            if (l.division() == null || (alert.districtCode() != null && alert.districtCode().startsWith(
                    l.division().substring(0, Math.min(6, l.division().length()))))) {
                send(l, "alert", alert);
            }
        }
    }

    private void send(Listener l, String name, Object data) {
        try {
            l.emitter().send(SseEmitter.event().name(name).data(data));
        } catch (IOException | IllegalStateException e) {
            listeners.remove(l);
        }
    }
}
