package org.megacity.geo.internal.index;

import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.megacity.geo.Division;
import org.megacity.geo.SyntheticCity;

/** Prints how lookups on a synthetic city are decided (not a test; run by hand). */
public class LocatePathsProbe {
    public static void main(String[] args) {
        var plan = args.length > 0 && args[0].equals("small") ? SyntheticCity.Plan.small() : SyntheticCity.Plan.megacity();
        List<Geometry> grids = SyntheticCity.grids(SyntheticCity.generate(2024, plan)).stream().map(Division::boundary).toList();
        long t = System.nanoTime();
        LocateIndex index = LocateIndex.build(grids);
        System.out.printf("%d grids, built in %.0f ms: %s%n", grids.size(), (System.nanoTime() - t) / 1e6, index);
        Envelope box = new Envelope();
        grids.forEach(g -> box.expandToInclude(g.getEnvelopeInternal()));
        Random random = new Random(42);
        int[] counts = new int[6];
        int n = 2_000_000;
        for (int i = 0; i < n; i++) {
            counts[index.decidedBy(box.getMinX() + random.nextDouble() * box.getWidth(),
                    box.getMinY() + random.nextDouble() * box.getHeight())]++;
        }
        String[] names = {"outside", "level 1", "level 2", "edge in 2", "exact list", "edge in 1"};
        for (int i = 0; i < 6; i++) {
            System.out.printf("%-10s %5.1f%%%n", names[i], 100.0 * counts[i] / n);
        }
    }
}
