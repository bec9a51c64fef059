package org.megacity.organization;

/** The organization as a whole: read it, or replace it (the demo generator and, later, imports). */
public interface Organization {

    /** The current organization; empty lists when none has been loaded. */
    OrganizationChart chart();

    /**
     * Replaces the whole organization in one transaction (departments, branches and centres not in the
     * chart are removed) and publishes {@link OrganizationLoaded}.
     */
    void replaceWith(OrganizationChart chart);
}
