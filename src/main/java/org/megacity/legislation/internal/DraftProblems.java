package org.megacity.legislation.internal;

import java.util.List;
import java.util.Map;
import org.megacity.legislation.draft.ParseOutcome;
import org.megacity.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The problem+json answers of the legislation API that {@link Problems} does not cover. */
final class DraftProblems {

    private DraftProblems() {
    }

    /** 422: the text is not a well-formed regulation; {@code errors} names each line. */
    static ErrorResponseException unreadable(List<ParseOutcome.Problem> problems) {
        String detail = problems.stream().limit(3).map(ParseOutcome.Problem::toString)
                .reduce((a, b) -> a + "; " + b).orElse("not a regulation")
                + (problems.size() > 3 ? " (and " + (problems.size() - 3) + " more)" : "") + "; nothing was saved";
        ProblemDetail problem = Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "draft-unreadable",
                "The text is not a well-formed regulation", detail);
        problem.setProperty("errors", problems.stream().map(p -> Map.of("field", "line " + p.line(), "line", p.line(),
                "message", p.message())).toList());
        return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, null);
    }

    /** 409: the bill cannot move to the requested stage from where it is. */
    static ErrorResponseException illegalTransition(String billId, String stage, String requested, List<String> allowed) {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "illegal-transition", "Stage transition not allowed",
                "bill " + billId + " is in stage '" + stage + "' and cannot move to '" + requested + "'; allowed: "
                        + (allowed.isEmpty() ? "none (the stage is final)" : String.join(", ", allowed)));
        problem.setProperty("stage", stage);
        problem.setProperty("requested", requested);
        problem.setProperty("allowed", allowed);
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }
}
