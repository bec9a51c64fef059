package org.megacity.organization;

import java.util.List;
import java.util.Optional;
import org.megacity.geo.DivisionCode;

/** The city operation and governance centres at their three levels. */
public interface OperationCentres {

    /**
     * The centres of a level (all levels when null) whose divisions lie within {@code within} (the
     * whole city when null), ordered by level then division code. The city centre lies within no
     * division.
     */
    List<OperationCentre> list(CentreLevel level, DivisionCode within);

    /** The centre with this id: {@code city}, or a district's or street's code. */
    Optional<OperationCentre> find(String id);

    /**
     * The centre that dispatches for a place: the street centre of a street, community or grid; the
     * district centre of a district; falling back to the next level up when one is missing.
     */
    Optional<OperationCentre> responsibleFor(DivisionCode division);

    /** How many centres there are at a level. */
    int count(CentreLevel level);
}
