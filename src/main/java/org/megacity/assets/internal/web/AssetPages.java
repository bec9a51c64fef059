package org.megacity.assets.internal.web;

import org.megacity.assets.internal.AssetSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The assets page: the map with asset layers, the inspector, and the excavation and isolation tools. */
@Controller
class AssetPages {

    private final AssetSettings settings;

    AssetPages(AssetSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/assets")
    String page(Model model) {
        model.addAttribute("safetyDistances", settings.safetyDistances());
        model.addAttribute("pipes", PipeDataAccess.mayRead());
        return "assets/map";
    }
}
