package org.megacity.citymodel.bundle;

import java.util.List;

/** The names and version of the bundle format (docs/citymodel.md; schemas in docs/citymodel-bundle/). */
public final class BundleFormat {

    /** The {@code format} member of every manifest. */
    public static final String FORMAT = "megacity-city-model";
    /** The version this platform writes and reads. */
    public static final int VERSION = 2;

    public static final String MANIFEST = "manifest.json";
    public static final String DIVISIONS = "divisions.geojson";
    public static final String ORGANIZATION = "organization.json";
    public static final String CATALOGUE = "case-catalogue.json";
    public static final String CALENDAR = "calendar.json";
    public static final String ALERT_RULES = "alert-rules.json";
    public static final String ROLES = "roles.json";
    public static final String PRIORITY_AREAS = "priority-areas.json";
    public static final String PERMISSIONS = "permissions.csv";

    /** Every file besides the manifest, in the manifest's order. */
    public static final List<String> FILES = List.of(DIVISIONS, ORGANIZATION, CATALOGUE, CALENDAR, ALERT_RULES, ROLES,
            PRIORITY_AREAS, PERMISSIONS);

    private BundleFormat() {
    }
}
