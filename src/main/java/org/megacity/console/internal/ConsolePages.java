package org.megacity.console.internal;

import org.megacity.geo.DivisionLevel;
import org.megacity.geo.Geography;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's own pages: the home page with the city at a glance, and the map. */
@Controller
class ConsolePages {

    private final Geography geography;

    ConsolePages(Geography geography) {
        this.geography = geography;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("districts", geography.count(DivisionLevel.DISTRICT));
        model.addAttribute("streets", geography.count(DivisionLevel.STREET));
        model.addAttribute("communities", geography.count(DivisionLevel.COMMUNITY));
        model.addAttribute("grids", geography.count(DivisionLevel.GRID));
        return "console/home";
    }

    @GetMapping("/map")
    String map() {
        return "console/map";
    }
}
