package org.megacity.citymodel.internal;

import org.megacity.citymodel.CityScale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the demo city ({@code megacity.demo.*}).
 *
 * @param enabled whether a server start generates the demo city into an empty database
 *                ({@code ./megacity demo} sets it; default false)
 * @param scale   {@code small} (3 districts, about 1,000 grids) or {@code megacity} (41 districts, about
 *                62,000 grids; the default); {@code --scale} on the command line sets it
 * @param seed    the generator's seed; the same seed and scale give the same city
 */
@ConfigurationProperties("megacity.demo")
public record DemoSettings(@DefaultValue("false") boolean enabled, @DefaultValue("megacity") String scale,
        @DefaultValue("20240607") long seed) {

    /**
     * The scale to generate.
     *
     * @throws IllegalArgumentException naming the accepted values when the setting is neither
     */
    public CityScale cityScale() {
        return CityScale.parse(scale);
    }
}
