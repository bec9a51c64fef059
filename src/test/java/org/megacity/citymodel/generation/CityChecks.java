package org.megacity.citymodel.generation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.megacity.geo.Division;

/**
 * What a generated city must satisfy, as lists of problems (empty when all is well), so that a failing
 * test names the divisions at fault.
 */
final class CityChecks {

    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}{2,}(区|街道|镇|社区|村)");
    private static final Pattern ENGLISH = Pattern.compile("[A-Z][a-z']+ (District|Subdistrict|Town|Community|Village)");

    private CityChecks() {
    }

    /** Every boundary is a valid polygon. */
    static List<String> invalidBoundaries(GeneratedCity city) {
        return city.divisions().parallelStream()
                .filter(d -> !IsValidOp.isValid(d.boundary()))
                .map(d -> d.code() + ": " + new IsValidOp(d.boundary()).getValidationError()).toList();
    }

    /**
     * The children of each parent cover it exactly: the area of the union of the children and the
     * parent's differ by at most {@code tolerance} of the parent's area (no gap), and the children's
     * areas add up to their union's (no overlap).
     */
    static List<String> tilingProblems(List<Division> parents, List<Division> children, double tolerance) {
        Map<String, List<Division>> byParent = new HashMap<>();
        for (Division child : children) {
            byParent.computeIfAbsent(child.code().parent().orElseThrow().value(), k -> new ArrayList<>()).add(child);
        }
        return parents.parallelStream().flatMap(parent -> {
            List<Division> own = byParent.getOrDefault(parent.code().value(), List.of());
            if (own.isEmpty()) {
                return Stream.of(parent.code() + ": no children");
            }
            List<Geometry> shapes = own.stream().map(Division::boundary).toList();
            Geometry union = OverlayNGRobust.union(shapes);
            double parentArea = parent.boundary().getArea();
            double sum = shapes.stream().mapToDouble(Geometry::getArea).sum();
            double gapOrSpill = OverlayNGRobust.overlay(union, parent.boundary(),
                    org.locationtech.jts.operation.overlayng.OverlayNG.SYMDIFFERENCE).getArea();
            List<String> problems = new ArrayList<>();
            if (gapOrSpill > tolerance * parentArea) {
                problems.add(parent.code() + ": children differ from the parent by " + gapOrSpill / parentArea
                        + " of its area");
            }
            if (Math.abs(sum - union.getArea()) > tolerance * parentArea) {
                problems.add(parent.code() + ": children overlap by " + (sum - union.getArea()) / parentArea
                        + " of the parent's area");
            }
            return problems.stream();
        }).toList();
    }

    /** The districts do not overlap (they tile the city, whose outline is their union). */
    static List<String> districtOverlaps(List<Division> districts) {
        List<Geometry> shapes = districts.stream().map(Division::boundary).toList();
        double sum = shapes.stream().mapToDouble(Geometry::getArea).sum();
        double union = OverlayNGRobust.union(shapes).getArea();
        return Math.abs(sum - union) > 1e-9 * union ? List.of("districts overlap by " + (sum - union)) : List.of();
    }

    /** Every code has its parent among the divisions (or is a district of Chongqing's 5001 range). */
    static List<String> codeProblems(GeneratedCity city) {
        Set<String> codes = new HashSet<>();
        city.divisions().forEach(d -> codes.add(d.code().value()));
        List<String> problems = new ArrayList<>();
        if (codes.size() != city.divisions().size()) {
            problems.add("duplicate codes");
        }
        for (Division d : city.divisions()) {
            var parent = d.code().parent();
            if (parent.isEmpty() && !d.code().value().startsWith("5001")) {
                problems.add(d.code() + ": a district outside 5001xx");
            }
            if (parent.isPresent() && !codes.contains(parent.get().value())) {
                problems.add(d.code() + ": parent " + parent.get() + " missing");
            }
        }
        return problems;
    }

    /** Names are bilingual, of the level's form, and unique among siblings. */
    static List<String> nameProblems(GeneratedCity city) {
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> zhByParent = new HashMap<>();
        Map<String, Set<String>> enByParent = new HashMap<>();
        for (Division d : Stream.of(city.districts(), city.streets(), city.communities()).flatMap(List::stream).toList()) {
            String parent = d.code().parent().map(Object::toString).orElse("city");
            if (!CHINESE.matcher(d.name()).matches()) {
                problems.add(d.code() + ": Chinese name '" + d.name() + "'");
            }
            if (!ENGLISH.matcher(d.nameEn()).matches()) {
                problems.add(d.code() + ": English name '" + d.nameEn() + "'");
            }
            if (!zhByParent.computeIfAbsent(parent, k -> new HashSet<>()).add(d.name())) {
                problems.add(d.code() + ": '" + d.name() + "' repeats a sibling's name");
            }
            if (!enByParent.computeIfAbsent(parent, k -> new HashSet<>()).add(d.nameEn())) {
                problems.add(d.code() + ": '" + d.nameEn() + "' repeats a sibling's English name");
            }
        }
        return problems;
    }

    /** The largest number of grids in one community. */
    static int mostGridsInACommunity(GeneratedCity city) {
        Map<String, Integer> counts = new HashMap<>();
        city.grids().forEach(g -> counts.merge(g.code().parent().orElseThrow().value(), 1, Integer::sum));
        return counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** Whether two cities are the same division for division: codes, names and exact geometry. */
    static List<String> differences(GeneratedCity a, GeneratedCity b) {
        List<Division> da = a.divisions();
        List<Division> db = b.divisions();
        List<String> problems = new ArrayList<>();
        if (da.size() != db.size()) {
            return List.of("sizes differ: " + da.size() + " vs " + db.size());
        }
        for (int i = 0; i < da.size(); i++) {
            Division x = da.get(i);
            Division y = db.get(i);
            if (!x.code().equals(y.code()) || !x.name().equals(y.name()) || !x.nameEn().equals(y.nameEn())
                    || !x.boundary().equalsExact(y.boundary())) {
                problems.add("division " + i + ": " + x.code() + " " + x.name() + " vs " + y.code() + " " + y.name());
                if (problems.size() > 10) {
                    break;
                }
            }
        }
        for (int i = 0; i < a.landscape().size(); i++) {
            if (!a.landscape().get(i).geometry().equalsExact(b.landscape().get(i).geometry())) {
                problems.add("landscape " + a.landscape().get(i).id() + " differs");
            }
        }
        return problems;
    }
}
