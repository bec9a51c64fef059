package org.megacity.legislation.draft;

import java.util.List;

/** What reading a text gives: a structured draft, or the reasons it is not one, each naming its line. */
public sealed interface ParseOutcome {

    /** The text is a well-formed regulation. */
    record Parsed(Draft draft) implements ParseOutcome {
    }

    /** The text was refused; at least one problem. */
    record Rejected(List<Problem> problems) implements ParseOutcome {
        public Rejected {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a rejection names at least one problem");
            }
        }
    }

    /** One thing wrong, on a 1-based line of the text. */
    record Problem(int line, String message) {
        @Override
        public String toString() {
            return "line " + line + ": " + message;
        }
    }
}
