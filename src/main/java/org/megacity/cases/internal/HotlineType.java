package org.megacity.cases.internal;

/** A 12345 request type with its time to answer. */
record HotlineType(String code, String name, String nameEn, TimeLimit handle) {
}
