package org.megacity.geo.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the geo module ({@code megacity.geo.*}).
 *
 * @param maxImportBytes     the largest GeoJSON upload accepted by {@code POST /api/v1/geo/import};
 *                           a larger body is refused with 413 and not read past the limit (default 50MB)
 * @param maxGridsPerRequest the most grids {@code GET /api/v1/geo/grids?bbox=} returns; a box holding
 *                           more is refused with 400 (default 10000)
 * @param maxListSize        the largest page of {@code GET /api/v1/geo/divisions} (default 10000)
 */
@ConfigurationProperties("megacity.geo")
public record GeoSettings(@DefaultValue("50MB") DataSize maxImportBytes,
        @DefaultValue("10000") int maxGridsPerRequest,
        @DefaultValue("10000") int maxListSize) {
}
