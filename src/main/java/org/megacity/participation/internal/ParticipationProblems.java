package org.megacity.participation.internal;

import java.util.List;
import java.util.Map;
import org.megacity.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Problems particular to participation. */
final class ParticipationProblems {

    static final HttpStatus UNPROCESSABLE = HttpStatus.valueOf(422);

    private ParticipationProblems() {
    }

    /** 422: the element id names nothing in that version of the bill. */
    static ErrorResponseException unknownElement(String field, String id, String billId, int version) {
        ProblemDetail problem = Problems.problem(UNPROCESSABLE, "unknown-element", "Unknown element",
                "version " + version + " of bill " + billId + " has no element '" + id + "'");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", "no such element in version " + version)));
        return new ErrorResponseException(UNPROCESSABLE, problem, null);
    }

    static ErrorResponseException unprocessable(String field, String detail) {
        ProblemDetail problem = Problems.problem(UNPROCESSABLE, "unprocessable", "Unprocessable", detail);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        return new ErrorResponseException(UNPROCESSABLE, problem, null);
    }

    static ErrorResponseException tooMany(String detail) {
        return Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests", detail);
    }

    static ErrorResponseException closed(String consultationId, String state) {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "consultation-not-open", "Consultation not open",
                "consultation " + consultationId + " is " + state + "; it takes no opinions");
        problem.setProperty("state", state);
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }

    /**
     * Checks a text field: not blank when required, at most {@code max} characters, no control characters
     * but line breaks and tabs, valid Unicode (no unpaired surrogates). Returns the value unchanged (null for blank
     * optional values).
     */
    static String text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw Problems.invalid(field, field + " is required");
            }
            return null;
        }
        if (value.codePointCount(0, value.length()) > max) {
            throw Problems.invalid(field, field + " has at most " + max + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw Problems.invalid(field, field + " is not valid Unicode (an unpaired surrogate at " + i + ")");
            }
            if (Character.isLowSurrogate(c)) {
                throw Problems.invalid(field, field + " is not valid Unicode (an unpaired surrogate at " + i + ")");
            }
            if ((Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') || c == '\uFFFE' || c == '\uFFFF') {
                throw Problems.invalid(field, field + " contains a control character at " + i);
            }
        }
        return value;
    }
}
