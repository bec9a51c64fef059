package org.megacity.console;

/**
 * An entry of the console's top navigation, declared as a bean by the module that serves the page.
 * The layout shows the links in ascending {@code order}; home and map are 10 and 20, the API link
 * is last.
 *
 * @param id         the element id of the link ({@code nav-legislation}), used by browser tests
 * @param path       the page it opens
 * @param messageKey the message key of its label, in the module's own message bundle
 * @param order      its place in the bar
 */
public record NavigationLink(String id, String path, String messageKey, int order) {

    public NavigationLink {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a navigation path starts with '/': " + path);
        }
    }
}
