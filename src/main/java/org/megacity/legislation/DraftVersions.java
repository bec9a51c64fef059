package org.megacity.legislation;

import java.util.List;
import java.util.Optional;

/**
 * Read access to the stored versions of bills' drafts, for modules that work on them (participation
 * anchors opinions on their elements). No access check: callers decide what they show, and
 * published versions are public anyway.
 */
public interface DraftVersions {

    /** A version of a bill, published or not; empty when the bill or the version does not exist. */
    Optional<DraftVersion> find(String billId, int version);

    /** The published versions of every bill, newest first, without their text. */
    List<DraftVersion.Summary> published();
}
