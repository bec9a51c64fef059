package org.megacity.telemetry.internal;

import java.util.List;
import org.megacity.identity.CurrentActor;
import org.megacity.identity.Role;
import org.megacity.platform.Problems;
import org.megacity.telemetry.SensorType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The vital-signs dashboard, a sensor's page with its chart, the alert list and the alert rules. */
@Controller
class VitalsPages {

    private final SensorRegistry sensors;
    private final CurrentActor current;

    VitalsPages(SensorRegistry sensors, CurrentActor current) {
        this.sensors = sensors;
        this.current = current;
    }

    /**
     * The alert rules: listed for whoever may read them (the API decides), created, enabled and
     * disabled from the page by the system administrator, through the same API and its checks.
     */
    @GetMapping("/vitals/rules")
    String rules(Model model) {
        model.addAttribute("sensorTypes", List.of(SensorType.values()));
        model.addAttribute("canManage", current.get().has(Role.SYSTEM_ADMIN));
        return "telemetry/rules";
    }

    @GetMapping("/vitals")
    String dashboard() {
        return "telemetry/vitals";
    }

    @GetMapping("/vitals/alerts")
    String alerts() {
        return "telemetry/alerts";
    }

    @GetMapping("/vitals/sensors/{id}")
    String sensor(@PathVariable String id, Model model) {
        Sensor s = sensors.byId(id);
        if (s == null) {
            throw Problems.notFound("no sensor " + id);
        }
        model.addAttribute("sensorId", s.id());
        model.addAttribute("sensorType", s.type().id());
        model.addAttribute("unit", s.type().unit());
        return "telemetry/sensor";
    }
}
