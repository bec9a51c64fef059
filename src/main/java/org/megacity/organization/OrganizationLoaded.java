package org.megacity.organization;

/**
 * The organization was loaded or replaced as a whole.
 *
 * @param departments how many departments it has
 * @param branches    how many district branches in all
 * @param centres     how many operation and governance centres
 */
public record OrganizationLoaded(int departments, int branches, int centres) {
}
