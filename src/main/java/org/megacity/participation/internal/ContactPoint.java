package org.megacity.participation.internal;

import java.time.Instant;
import java.util.List;

/**
 * A grassroots legislative contact point (基层立法联系点) and the accounts of its staff. Kept here until
 * the representatives module owns contact points.
 */
record ContactPoint(String id, String name, String place, Instant createdAt, List<String> staff) {

    ContactPoint {
        staff = List.copyOf(staff);
    }
}
