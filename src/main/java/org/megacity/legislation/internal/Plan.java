package org.megacity.legislation.internal;

import java.time.Instant;

/** A year's legislative plan (年度立法计划). */
record Plan(String id, int year, String title, Instant createdAt) {
}
