package org.megacity.console.internal;

import java.util.Comparator;
import java.util.List;
import org.megacity.console.NavigationLink;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the navigation links the modules declared, in order. */
@ControllerAdvice(annotations = Controller.class)
class NavigationAdvice {

    private final List<NavigationLink> links;

    NavigationAdvice(ObjectProvider<NavigationLink> links) {
        this.links = links.orderedStream().sorted(Comparator.comparingInt(NavigationLink::order)).toList();
    }

    @ModelAttribute("navigationLinks")
    List<NavigationLink> navigationLinks() {
        return links;
    }
}
