package org.megacity.geo;

import java.util.List;

/**
 * Divisions or grids were created or replaced, all in one transaction.
 *
 * @param codes the codes imported
 */
public record DivisionsImported(List<String> codes) {
}
