package org.megacity.geo;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.megacity.citymodel.CityScale;
import org.megacity.citymodel.generation.CityGenerator;
import org.megacity.citymodel.generation.GenerationProgress;
import org.megacity.geo.internal.index.LocateIndex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code locate} on a city of about 62,000 unit grids: the platform's raster index against a JTS
 * STRtree of PreparedGeometry, the usual way to do it, in the same run.
 *
 * <p>Two cities ({@code city} parameter): {@code demo}, the demo megacity of {@code ./megacity demo}
 * (the citymodel generator: organic borders, rivers, 62,803 grids whose size grows outwards), and
 * {@code synthetic}, {@link SyntheticCity#generate} with the megacity plan: an irregular outline cut
 * into 41 districts, about 1,000 streets and 11,000 communities by clipped Voronoi cells (boundaries
 * at every angle) and grids of about 10,000 m² laid over each community. 1,048,576 random points
 * over the city's bounding box are prepared up front; each invocation locates 1,024 of them.
 *
 * <p>Run: {@code ./megacity bench Locate} (add JMH options after the name, e.g. {@code -f 1 -wi 3}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Threads(1)
public class LocateBenchmark {

    static final int POINTS = 1 << 20;
    static final int BATCH = 1_024;

    double[] xs;
    double[] ys;
    int cursor;

    LocateIndex index;
    STRtree tree;
    PreparedGeometry[] prepared;
    GeometryFactory factory = new GeometryFactory();

    @Param({"demo", "synthetic"})
    String city;

    @Setup(Level.Trial)
    public void city() {
        long start = System.nanoTime();
        List<Division> divisions = city.equals("demo")
                ? new CityGenerator().generate(CityScale.MEGACITY, CityGenerator.DEFAULT_SEED, GenerationProgress.silent()).grids()
                : SyntheticCity.grids(SyntheticCity.generate(2024, SyntheticCity.Plan.megacity()));
        List<Geometry> grids = divisions.stream().map(Division::boundary).toList();
        long generated = System.nanoTime();
        index = LocateIndex.build(grids);
        long built = System.nanoTime();
        tree = new STRtree();
        prepared = new PreparedGeometry[grids.size()];
        for (int i = 0; i < grids.size(); i++) {
            prepared[i] = PreparedGeometryFactory.prepare(grids.get(i));
            tree.insert(grids.get(i).getEnvelopeInternal(), i);
        }
        tree.build();
        long baseline = System.nanoTime();
        System.out.printf("%n%d grids generated in %.1f s; raster index built in %.0f ms (%s); STRtree in %.0f ms%n",
                grids.size(), (generated - start) / 1e9, (built - generated) / 1e6, index,
                (baseline - built) / 1e6);

        Envelope box = new Envelope();
        grids.forEach(g -> box.expandToInclude(g.getEnvelopeInternal()));
        Random random = new Random(42);
        xs = new double[POINTS];
        ys = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            xs[i] = box.getMinX() + random.nextDouble() * box.getWidth();
            ys[i] = box.getMinY() + random.nextDouble() * box.getHeight();
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int rasterIndex() {
        int from = next();
        int sum = 0;
        for (int i = from; i < from + BATCH; i++) {
            sum += index.locate(xs[i], ys[i]);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int strTreePreparedGeometry() {
        int from = next();
        int sum = 0;
        for (int i = from; i < from + BATCH; i++) {
            sum += baselineLocate(xs[i], ys[i]);
        }
        return sum;
    }

    /** The first grid in code order that covers the point, found the usual JTS way. */
    int baselineLocate(double x, double y) {
        Point point = factory.createPoint(new Coordinate(x, y));
        int best = -1;
        for (Object item : tree.query(point.getEnvelopeInternal())) {
            int i = (Integer) item;
            if ((best < 0 || i < best) && prepared[i].covers(point)) {
                best = i;
            }
        }
        return best;
    }

    private int next() {
        int from = cursor;
        cursor = (from + BATCH) & (POINTS - 1);
        return from;
    }
}
