/**
 * The web console: the page layout, language switching (zh-CN and English), the home page, the map
 * of the city's divisions and grids, and later the dashboards of the city's vital signs. Modules
 * render their own pages inside this layout.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Console")
package org.megacity.console;
