package org.megacity.citymodel.bundle;

/**
 * One thing wrong with a bundle, where it is.
 *
 * @param file    the bundle file, e.g. {@code case-catalogue.json}
 * @param line    the line (1-based), or 0 when the problem is the file as a whole
 * @param pointer the JSON pointer of the value (RFC 6901), a GeoJSON feature's code, or empty
 * @param message what is wrong
 */
public record BundleProblem(String file, int line, String pointer, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + (pointer.isEmpty() ? "" : " (" + pointer + ")") + ": " + message;
    }
}
