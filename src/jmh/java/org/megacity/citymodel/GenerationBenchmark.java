package org.megacity.citymodel;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;
import org.megacity.citymodel.generation.CityGenerator;
import org.megacity.citymodel.generation.GeneratedCity;
import org.megacity.citymodel.generation.GenerationProgress;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long generating the demo city takes (generation alone, without the import into the database),
 * single shot, beside a baseline measured in the same run for machine context: plain JTS Voronoi
 * diagrams with as many sites as the city has districts, streets and communities (the straight,
 * unclipped skeleton the generator starts from). The ratio generate/baseline says how much the
 * organic borders, the nesting, the names and the unit grids cost on this machine.
 *
 * <p>Run: {@code ./megacity bench Generation} (add JMH options after it, e.g. {@code -p scale=small}).
 * Uses every core: the generator works on parents in parallel.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx4g", "-XX:+UseG1GC"})
public class GenerationBenchmark {

    @Param({"small", "megacity"})
    public String scale;

    private CityScale cityScale;

    @org.openjdk.jmh.annotations.Setup
    public void setUp() {
        cityScale = CityScale.parse(scale);
    }

    @Benchmark
    public GeneratedCity generate() {
        return new CityGenerator().generate(cityScale, CityGenerator.DEFAULT_SEED, GenerationProgress.silent());
    }

    @Benchmark
    public List<Geometry> voronoiBaseline() {
        GeometryFactory factory = new GeometryFactory();
        SplittableRandom random = new SplittableRandom(CityGenerator.DEFAULT_SEED);
        Envelope box = new Envelope(-40_000, 40_000, -40_000, 40_000);
        List<Geometry> diagrams = new ArrayList<>();
        for (int sites : new int[] {cityScale.districts(), cityScale.streets(), cityScale.communities()}) {
            List<Coordinate> points = new ArrayList<>(sites);
            for (int i = 0; i < sites; i++) {
                points.add(new Coordinate(box.getMinX() + random.nextDouble() * box.getWidth(),
                        box.getMinY() + random.nextDouble() * box.getHeight()));
            }
            VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
            builder.setSites(points);
            builder.setClipEnvelope(box);
            diagrams.add(builder.getDiagram(factory));
        }
        return diagrams;
    }
}
