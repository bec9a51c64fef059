package org.megacity.console.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import org.megacity.console.NavigationLink;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives every page the navigation links the modules declared, in order ({@code navigationLinks}
 * in the model of each rendered view). An interceptor rather than a {@code @ModelAttribute}
 * advice: the advice also ran for every API call (a {@code @RestController} is a
 * {@code @Controller}), a few per cent of its CPU for a model nobody renders.
 */
@Configuration(proxyBeanMethods = false)
class NavigationLinks implements WebMvcConfigurer, HandlerInterceptor {

    private final List<NavigationLink> links;

    NavigationLinks(ObjectProvider<NavigationLink> links) {
        this.links = links.orderedStream().sorted(Comparator.comparingInt(NavigationLink::order)).toList();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView view) {
        if (view != null && !view.wasCleared()) {
            view.addObject("navigationLinks", links);
        }
    }
}
