package org.megacity.telemetry.internal;

import org.megacity.platform.Problems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The vital-signs dashboard, a sensor's page with its chart, and the alert list. */
@Controller
class VitalsPages {

    private final SensorRegistry sensors;

    VitalsPages(SensorRegistry sensors) {
        this.sensors = sensors;
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
