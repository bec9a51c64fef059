package org.megacity.cases.internal;

import java.util.List;
import org.megacity.cases.CaseStatus;
import org.megacity.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The problems of the cases API. */
final class CaseProblems {

    private CaseProblems() {
    }

    /** 409: the action is not possible now; names the state, the version and what the caller may do. */
    static ErrorResponseException conflict(String detail, CaseStatus state, int version, List<String> allowed) {
        ProblemDetail p = Problems.problem(HttpStatus.CONFLICT, "case-conflict", "Conflict", detail);
        p.setProperty("state", state.id());
        p.setProperty("version", version);
        p.setProperty("allowedActions", allowed);
        return new ErrorResponseException(HttpStatus.CONFLICT, p, null);
    }

    /** 422: the point lies outside every grid of the city. */
    static ErrorResponseException outsideCity(double lon, double lat) {
        return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "outside-city", "Outside the city",
                "the point " + lon + ", " + lat + " lies outside every grid of the city");
    }
}
