package org.megacity.cases;

/**
 * The city's case catalogue as a whole, for the city model's export and import: the categories with
 * their departments and time limits, the 12345 request types, and the routing overrides per
 * district. It is data the city edits ({@code cases/*.csv}, the data directory's copy winning over
 * the shipped one; see docs/cases.md).
 */
public interface CaseCatalogue {

    /** The catalogue in force. */
    CatalogueDefinition current();

    /**
     * Makes this the city's catalogue: writes {@code <data>/cases/categories.csv},
     * {@code hotline-types.csv} and {@code routing-overrides.csv} and serves them at once. Does not
     * check that departments and districts exist (the caller knows the organization it loads).
     *
     * @throws IllegalArgumentException when the catalogue is not consistent in itself (nothing is written)
     */
    void load(CatalogueDefinition catalogue);
}
