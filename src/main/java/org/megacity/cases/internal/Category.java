package org.megacity.cases.internal;

/**
 * A case category of the catalogue.
 *
 * @param code       kind letter + major + minor, e.g. {@code E0101}
 * @param kind       {@code component} (部件) or {@code event} (事件)
 * @param department the default department's code
 */
record Category(String code, String kind, String major, String majorName, String majorNameEn, String name,
        String nameEn, String department, TimeLimit dispatch, TimeLimit handle, TimeLimit verify) {
}
