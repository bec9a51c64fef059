package org.megacity.geo;

/** Where a point lies: its unit grid and the community, street and district that hold it. */
public record Location(DivisionSummary grid, DivisionSummary community, DivisionSummary street,
        DivisionSummary district) {
}
