package org.megacity.geo.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.megacity.geo.Division;
import org.megacity.geo.DivisionCode;
import org.megacity.geo.DivisionLevel;
import org.megacity.geo.GridLayout;
import org.megacity.geo.ImportOutcome;
import org.megacity.geo.internal.GeoSettings;
import org.megacity.geo.internal.GeographyService;
import org.megacity.geo.internal.GeographyService.GeoJsonImport;
import org.megacity.geo.internal.geojson.Winding;
import org.megacity.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Changing the city's geography: importing a GeoJSON FeatureCollection, and laying grids over a
 * community. System administrators only.
 */
@RestController
@RequestMapping("/api/v1/geo")
class GeoImportController {

    private final GeographyService geography;
    private final GeoSettings settings;

    GeoImportController(GeographyService geography, GeoSettings settings) {
        this.geography = geography;
        this.settings = settings;
    }

    /** How many divisions an import created and replaced. */
    record Imported(int created, int replaced) {
    }

    /**
     * Imports a FeatureCollection all or nothing: 201 with the counts; 400 when the body is not
     * readable GeoJSON, 422 naming every feature that is wrong, 413 when the body exceeds
     * {@code megacity.geo.max-import-bytes}. {@code winding=lenient} reorients rings wound against
     * the right-hand rule instead of rejecting them.
     */
    @PostMapping(value = "/import", consumes = {"application/geo+json", "application/json"})
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    ResponseEntity<Imported> importGeoJson(@RequestParam(required = false) String winding, HttpServletRequest request)
            throws IOException {
        Winding rule;
        try {
            rule = Winding.parse(winding);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("winding", e.getMessage());
        }
        long limit = settings.maxImportBytes().toBytes();
        if (request.getContentLengthLong() > limit) {
            throw tooLarge(limit);
        }
        GeoJsonImport result;
        try (InputStream body = new LimitedInputStream(request.getInputStream(), limit)) {
            result = geography.importGeoJson(body, rule);
        } catch (LimitedInputStream.LimitExceeded e) {
            throw tooLarge(limit);
        }
        return switch (result.outcome()) {
            case ImportOutcome.Imported imported -> ResponseEntity.status(HttpStatus.CREATED)
                    .body(new Imported(imported.created(), imported.replaced()));
            case ImportOutcome.Rejected rejected -> throw rejected(rejected, result.malformed(), result.problemsNotListed());
        };
    }

    /** Lays grids of about {@code cellArea} m² (default 10,000) over a community that has none. */
    @PostMapping("/divisions/{community}/grids")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    ResponseEntity<Map<String, Object>> layGrids(@PathVariable String community,
            @RequestParam(required = false) Double cellArea) {
        DivisionCode code;
        try {
            code = DivisionCode.of(community);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("community", e.getMessage());
        }
        if (code.level() != DivisionLevel.COMMUNITY) {
            throw Problems.invalid("community", code + " is a " + code.level().nameEn() + "; grids are laid over communities");
        }
        if (cellArea != null && !(cellArea >= 100 && cellArea <= 1_000_000)) {
            throw Problems.invalid("cellArea", "must lie between 100 and 1,000,000 square metres");
        }
        Division division = geography.atlas().division(code.value())
                .orElseThrow(() -> Problems.notFound("no community " + code));
        if (!geography.atlas().children(code.value()).isEmpty()) {
            throw Problems.conflict("community " + code + " has grids already");
        }
        List<Division> grids;
        try {
            grids = GridLayout.cover(division, cellArea == null ? GridLayout.STANDARD_CELL_SQUARE_METRES : cellArea);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("cellArea", e.getMessage());
        }
        return switch (geography.importDivisions(grids)) {
            case ImportOutcome.Imported imported -> ResponseEntity.status(HttpStatus.CREATED).body(Map.of(
                    "created", imported.created(), "codes", grids.stream().map(g -> g.code().value()).toList()));
            case ImportOutcome.Rejected rejected -> throw rejected(rejected, false, 0);
        };
    }

    private static ErrorResponseException tooLarge(long limit) {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Upload too large",
                "the body exceeds the limit of " + limit + " bytes (megacity.geo.max-import-bytes); nothing was stored");
    }

    private static ErrorResponseException rejected(ImportOutcome.Rejected rejected, boolean malformed, int unlisted) {
        HttpStatus status = malformed ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT;
        List<ImportOutcome.Problem> problems = rejected.problems();
        String detail = problems.stream().limit(3).map(p -> p.feature() + ": " + p.message())
                .reduce((a, b) -> a + "; " + b).orElse("the import was rejected");
        int more = problems.size() - 3 + unlisted;
        if (more > 0) {
            detail += " (and " + more + " more)";
        }
        ProblemDetail problem = Problems.problem(status, malformed ? "invalid-input" : "invalid-geography",
                malformed ? "Invalid input" : "Import rejected", detail + "; nothing was stored");
        problem.setProperty("errors", problems.stream()
                .map(p -> Map.of("field", p.feature(), "message", p.message())).toList());
        if (unlisted > 0) {
            problem.setProperty("problemsNotListed", unlisted);
        }
        return new ErrorResponseException(status, problem, null);
    }
}
