package org.megacity.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed command line: the words (command and positional arguments) and the {@code --name value}
 * or {@code --name=value} options, in the order given. A lone {@code --flag} maps to {@code "true"}
 * when the next word is another option or absent.
 *
 * @param words   the command words and positional arguments
 * @param options the options by name, without the leading dashes
 */
public record CommandLine(List<String> words, Map<String, String> options) {

    /** Options that stand for application settings, with the property each one sets. */
    private static final Map<String, String> SETTING_OPTIONS = Map.of(
            "port", "server.port",
            "data", "megacity.data-dir",
            "scale", "megacity.demo.scale");

    /** Options that take no value. */
    private static final List<String> FLAGS = List.of("help", "json", "force", "dry-run", "lenient-winding");

    public CommandLine {
        words = List.copyOf(words);
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /**
     * Parses raw arguments.
     *
     * @throws IllegalArgumentException when an option that needs a value has none
     */
    public static CommandLine parse(String... args) {
        List<String> words = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--") && arg.length() > 2) {
                String body = arg.substring(2);
                int eq = body.indexOf('=');
                if (eq >= 0) {
                    options.put(body.substring(0, eq), body.substring(eq + 1));
                } else if (FLAGS.contains(body)) {
                    options.put(body, "true");
                } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    options.put(body, args[++i]);
                } else {
                    throw new IllegalArgumentException("option --" + body + " needs a value");
                }
            } else if (arg.equals("-h")) {
                options.put("help", "true");
            } else {
                words.add(arg);
            }
        }
        return new CommandLine(words, options);
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public boolean flag(String name) {
        return "true".equalsIgnoreCase(options.get(name));
    }

    /** The first word, or {@code ""} when there is none. */
    public String command() {
        return words.isEmpty() ? "" : words.get(0);
    }

    /** The words after the first {@code n}. */
    public List<String> wordsAfter(int n) {
        return n >= words.size() ? List.of() : words.subList(n, words.size());
    }

    /** The application settings the options stand for, as Spring property arguments. */
    public List<String> settingArguments() {
        List<String> result = new ArrayList<>();
        options.forEach((name, value) -> {
            String property = SETTING_OPTIONS.get(name);
            if (property != null) {
                result.add("--" + property + "=" + value);
            }
        });
        return result;
    }
}
