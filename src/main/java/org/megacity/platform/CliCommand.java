package org.megacity.platform;

import java.io.PrintStream;
import java.util.List;

/**
 * An operational command a module offers on the command line ({@code ./megacity audit verify}).
 * Commands run in a context without a web server; every run is recorded in the audit trail
 * through {@link CommandExecuted}.
 */
public interface CliCommand {

    /** The command words, e.g. {@code "audit verify"}. */
    String name();

    /** One line for the command list, e.g. {@code "Verify the audit trail's hash chain"}. */
    String summary();

    /** The synopsis after the name, e.g. {@code "[--data DIR] FILE"}; empty when it takes nothing. */
    default String synopsis() {
        return "[--data DIR]";
    }

    /**
     * Runs the command.
     *
     * @return the process exit code: 0 for success, 1 for a failed check, 2 for bad input
     */
    int run(Invocation invocation) throws Exception;

    /**
     * What the command was called with.
     *
     * @param arguments the positional words after the command name
     * @param line      the whole command line, for options
     */
    record Invocation(List<String> arguments, CommandLine line, PrintStream out, PrintStream err) {
        public String argument(int index, String what) {
            if (index >= arguments.size()) {
                throw new IllegalArgumentException("missing argument: " + what);
            }
            return arguments.get(index);
        }
    }
}
