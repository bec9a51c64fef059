package org.megacity.citymodel.generation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * The faces of one noded arrangement of lines, grouped into cells. Faces built from the same noded
 * linework share their borders vertex for vertex, so adjacency is found by hashing border segments and
 * a group's union is an exact coverage union: no gaps, no slivers.
 */
final class Faces {

    private final List<Polygon> faces;
    private final int[] group;
    /** For each face, its neighbours and the length of border shared with each. */
    private final List<Map<Integer, Double>> shared;

    Faces(List<Polygon> faces) {
        this.faces = faces;
        this.group = new int[faces.size()];
        for (int i = 0; i < group.length; i++) {
            group[i] = i;
        }
        this.shared = adjacency(faces);
    }

    int size() {
        return faces.size();
    }

    Polygon face(int i) {
        return faces.get(i);
    }

    /** The group (representative face) a face belongs to. */
    int groupOf(int face) {
        int root = face;
        while (group[root] != root) {
            root = group[root];
        }
        int f = face;
        while (group[f] != root) {
            int next = group[f];
            group[f] = root;
            f = next;
        }
        return root;
    }

    /** Puts the group of {@code face} into the group of {@code into}. */
    void merge(int face, int into) {
        int a = groupOf(face);
        int b = groupOf(into);
        if (a != b) {
            group[a] = b;
        }
    }

    /**
     * The length of border each neighbouring group shares with the group of {@code face}, by the
     * neighbouring group's representative.
     */
    Map<Integer, Double> neighbours(int face) {
        int own = groupOf(face);
        Map<Integer, Double> result = new HashMap<>();
        for (int f = 0; f < faces.size(); f++) {
            if (groupOf(f) != own) {
                continue;
            }
            for (Map.Entry<Integer, Double> e : shared.get(f).entrySet()) {
                int other = groupOf(e.getKey());
                if (other != own) {
                    result.merge(other, e.getValue(), Double::sum);
                }
            }
        }
        return result;
    }

    /** The faces of each group, by representative, in order of their first face. */
    Map<Integer, List<Integer>> groups() {
        Map<Integer, List<Integer>> result = new java.util.LinkedHashMap<>();
        for (int f = 0; f < faces.size(); f++) {
            result.computeIfAbsent(groupOf(f), k -> new ArrayList<>()).add(f);
        }
        return result;
    }

    /** The union of a group's faces. */
    Geometry union(List<Integer> members) {
        if (members.size() == 1) {
            return faces.get(members.get(0));
        }
        Geometry[] parts = members.stream().map(faces::get).toArray(Geometry[]::new);
        return CoverageUnion.union(parts);
    }

    private static List<Map<Integer, Double>> adjacency(List<Polygon> faces) {
        Map<Segment, Integer> firstOwner = new HashMap<>();
        List<Map<Integer, Double>> shared = new ArrayList<>(faces.size());
        for (int i = 0; i < faces.size(); i++) {
            shared.add(new HashMap<>());
        }
        for (int i = 0; i < faces.size(); i++) {
            Polygon face = faces.get(i);
            for (int r = -1; r < face.getNumInteriorRing(); r++) {
                LineString ring = r < 0 ? face.getExteriorRing() : face.getInteriorRingN(r);
                CoordinateSequence seq = ring.getCoordinateSequence();
                for (int k = 0; k < seq.size() - 1; k++) {
                    Segment s = Segment.of(seq.getX(k), seq.getY(k), seq.getX(k + 1), seq.getY(k + 1));
                    Integer other = firstOwner.putIfAbsent(s, i);
                    if (other != null && other != i) {
                        double length = s.length();
                        shared.get(i).merge(other, length, Double::sum);
                        shared.get(other).merge(i, length, Double::sum);
                    }
                }
            }
        }
        return shared;
    }

    /** A segment with its ends in a canonical order, so both of its faces name it alike. */
    record Segment(double x1, double y1, double x2, double y2) {

        static Segment of(double ax, double ay, double bx, double by) {
            if (ax < bx || (ax == bx && ay <= by)) {
                return new Segment(ax, ay, bx, by);
            }
            return new Segment(bx, by, ax, ay);
        }

        double length() {
            return Math.hypot(x2 - x1, y2 - y1);
        }
    }
}
