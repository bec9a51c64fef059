package org.megacity.platform;

/**
 * An operational command ran on the server's command line.
 *
 * @param command   the command words
 * @param arguments the arguments as given (options included)
 * @param operator  the operating-system account that ran it
 * @param exitCode  what it returned; 0 is success
 */
public record CommandExecuted(String command, String arguments, String operator, int exitCode) {
}
