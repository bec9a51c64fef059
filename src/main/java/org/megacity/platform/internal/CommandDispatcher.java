package org.megacity.platform.internal;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import org.megacity.platform.CliCommand;
import org.megacity.platform.CommandExecuted;
import org.megacity.platform.CommandLine;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Finds the command a command line names among the modules' {@link CliCommand}s and runs it. */
@Component
public class CommandDispatcher {

    static final int EX_USAGE = 64;

    private final List<CliCommand> commands;
    private final ApplicationEventPublisher events;

    CommandDispatcher(List<CliCommand> commands, ApplicationEventPublisher events) {
        this.commands = commands.stream().sorted(Comparator.comparing(CliCommand::name)).toList();
        this.events = events;
    }

    public int dispatch(CommandLine line, PrintStream out, PrintStream err) {
        if (line.words().isEmpty() || line.command().equals("help")) {
            usage(out);
            return line.words().isEmpty() && !line.flag("help") ? EX_USAGE : 0;
        }
        CliCommand command = find(line.words());
        if (command == null) {
            err.println("megacity: unknown command '" + String.join(" ", line.words()) + "'");
            usage(err);
            return EX_USAGE;
        }
        int words = command.name().split(" ").length;
        if (line.flag("help")) {
            out.println("usage: ./megacity " + command.name() + " " + command.synopsis());
            out.println("  " + command.summary());
            return 0;
        }
        int code;
        try {
            code = command.run(new CliCommand.Invocation(line.wordsAfter(words), line, out, err));
        } catch (IllegalArgumentException e) {
            err.println("megacity " + command.name() + ": " + e.getMessage());
            err.println("usage: ./megacity " + command.name() + " " + command.synopsis());
            code = 2;
        } catch (Exception e) {
            err.println("megacity " + command.name() + ": failed: " + e.getMessage());
            code = 1;
        }
        events.publishEvent(new CommandExecuted(command.name(), String.join(" ", line.wordsAfter(words)),
                System.getProperty("user.name", "unknown"), code));
        return code;
    }

    private CliCommand find(List<String> words) {
        CliCommand best = null;
        int bestLength = 0;
        for (CliCommand command : commands) {
            List<String> name = List.of(command.name().split(" "));
            if (name.size() <= words.size() && words.subList(0, name.size()).equals(name) && name.size() > bestLength) {
                best = command;
                bestLength = name.size();
            }
        }
        return best;
    }

    private void usage(PrintStream out) {
        out.println("usage: ./megacity COMMAND [options]");
        out.println();
        out.println("  demo [--port N] [--data DIR] [--scale small|megacity]   generate or load the demo city and serve it");
        out.println("  serve [--port N] [--data DIR]                          serve the platform");
        out.println("  test                                                   run every test (the launcher runs Maven)");
        out.println("  bench [NAME]                                           run the benchmarks");
        for (CliCommand command : commands) {
            out.printf("  %-54s %s%n", command.name() + " " + command.synopsis(), command.summary());
        }
    }
}
