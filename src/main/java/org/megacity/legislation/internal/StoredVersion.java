package org.megacity.legislation.internal;

import java.util.Map;
import org.megacity.legislation.draft.Draft;

/** A version with its structure and its work-level ids ({@code eId → wId}). */
record StoredVersion(VersionSummary summary, Draft draft, Map<String, String> workIds) {
}
