package org.megacity.identity;

import java.util.Optional;

/**
 * What identity must know of the city's divisions to bind an account's jurisdiction to them. The
 * geography module provides it, so identity, which every module uses, depends on none of them.
 */
public interface KnownDivisions {

    /** Why the code cannot be bound (malformed, or no such division), or empty when it names a division. */
    Optional<String> problem(String divisionCode);
}
