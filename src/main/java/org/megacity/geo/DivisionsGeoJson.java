package org.megacity.geo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * The geography's GeoJSON (RFC 7946) as other modules use it: the same writer as
 * {@code ./megacity geo export}, the same strict reader and the same checks as
 * {@code ./megacity geo import}, without storing anything.
 */
public interface DivisionsGeoJson {

    /**
     * Writes the divisions as a FeatureCollection (properties {@code code}, {@code name},
     * {@code nameEn}, {@code level}; right-hand winding; 7 decimals). The stream is not closed.
     */
    void write(OutputStream out, List<Division> divisions);

    /**
     * Reads a FeatureCollection with right-hand winding required. Never throws for bad content:
     * each problem names its feature by code or as {@code features[i]}, and malformed JSON says
     * where (line and column). Only I/O failures propagate.
     */
    Read read(InputStream in) throws IOException;

    /**
     * The problems an import of these divisions into the current geography would meet (boundaries,
     * duplicate codes, missing parents, tiling), without storing anything; empty when it would pass.
     */
    List<ImportOutcome.Problem> check(List<Division> divisions);

    /**
     * What was read.
     *
     * @param divisions the features read without problems, in the file's order
     * @param problems  every problem found
     * @param malformed whether the document itself could not be read to its end
     */
    record Read(List<Division> divisions, List<ImportOutcome.Problem> problems, boolean malformed) {

        public Read {
            divisions = List.copyOf(divisions);
            problems = List.copyOf(problems);
        }
    }
}
