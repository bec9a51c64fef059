package org.megacity.assets;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.megacity.assets.internal.AssetSnapshot;
import org.megacity.assets.internal.geojson.AssetFileReader;
import org.megacity.assets.internal.geojson.AssetWriter;
import org.megacity.assets.internal.index.Layer;
import org.megacity.assets.internal.network.PipeNetwork;
import org.megacity.assets.internal.demo.DemoAssetGenerator;
import org.megacity.assets.internal.storage.AssetBatch;
import org.megacity.geo.Division;
import org.megacity.geo.DivisionCode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The asset registry at megacity scale: the demo generator's assets over 62,000 unit grids of
 * 100 m laid out as a 250 x 248 block at Chongqing (620 km², the megacity's built area): about 1.8
 * million pipe segments, 1.4 million network nodes and 1 million components.
 *
 * <ul>
 * <li>{@code bboxPackedGrid} against {@code bboxStrTree}: a box of about 330 m x 330 m at a random
 *     place (about 500 segments and components together, never more than 1,000), queried in the
 *     segment and the component layers, by the registry's {@link org.megacity.assets.internal.index.PackedGridIndex}
 *     and by plain JTS STRtrees of the same boxes built in the same run;</li>
 * <li>{@code isolation}: {@link PipeNetwork#isolate} of a random segment of a valved network (water,
 *     gas, heat);</li>
 * <li>{@code importParse}: reading and checking 1 million component features from GeoJSON held in
 *     memory (the import without its database writes; single shot).</li>
 * </ul>
 * Sample-time mode, so JMH prints percentiles (p0.95). The set-up prints the heap the whole
 * snapshot holds (after a full GC, before and after building it).
 *
 * <p>Run: {@code ./megacity bench Assets} (add JMH options after the name, e.g. {@code -f 1 -wi 2 -i 3}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
@Threads(1)
public class AssetsBenchmark {

    static final int COLS = 250;
    static final int ROWS = 248;
    static final double WEST = 106.30;
    static final double SOUTH = 29.40;
    static final double CELL_LON = 100 / 96_900.0;
    static final double CELL_LAT = 100 / 110_850.0;
    static final double BOX_METRES = 330;

    AssetSnapshot snapshot;
    STRtree segmentTree;
    STRtree componentTree;
    double[] qx;
    double[] qy;
    int[] broken;
    int cursor;
    byte[] componentsGeoJson;

    static List<Division> grids() {
        GeometryFactory f = new GeometryFactory();
        List<Division> grids = new ArrayList<>(COLS * ROWS);
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                int k = r * COLS + c;
                int district = k / 1_513;
                int g = k % 1_513;
                String code = String.format("5001%02d%03d%03d%03d", district + 1, g / 100 + 1, (g / 10) % 10 + 1, g % 10 + 1);
                double w = WEST + c * CELL_LON;
                double s = SOUTH + r * CELL_LAT;
                grids.add(new Division(DivisionCode.of(code), "网格", "grid",
                        f.toGeometry(new Envelope(w, w + CELL_LON, s, s + CELL_LAT))));
            }
        }
        return grids;
    }

    @Setup(Level.Trial)
    public void megacity() {
        System.gc();
        long before = usedHeap();
        long start = System.nanoTime();
        AssetBatch batch = DemoAssetGenerator.generate(grids(), 20240607, DemoAssetGenerator.MEGACITY_SEGMENTS,
                DemoAssetGenerator.MEGACITY_COMPONENTS);
        long generated = System.nanoTime();
        snapshot = AssetSnapshot.empty().with(batch);
        long built = System.nanoTime();
        batch = null;
        System.gc();
        long after = usedHeap();
        System.out.printf("%n[assets] %,d nodes, %,d segments, %,d components, %,d parcels, %,d parks, %,d renewal;"
                        + " generated in %,d ms, snapshot built in %,d ms; heap of the snapshot about %,d MB%n",
                snapshot.nodes().size(), snapshot.segments().size(), snapshot.components().size(),
                snapshot.parcels().size(), snapshot.parks().size(), snapshot.renewals().size(),
                (generated - start) / 1_000_000, (built - generated) / 1_000_000, (after - before) / (1 << 20));
        long treeStart = System.nanoTime();
        segmentTree = tree(snapshot.segments());
        componentTree = tree(snapshot.components());
        System.out.printf("[assets] STRtrees built in %,d ms%n", (System.nanoTime() - treeStart) / 1_000_000);
        SplittableRandom random = new SplittableRandom(42);
        qx = new double[1 << 16];
        qy = new double[1 << 16];
        broken = new int[1 << 16];
        for (int i = 0; i < qx.length; i++) {
            qx[i] = WEST + random.nextDouble() * (COLS * CELL_LON - BOX_METRES / 96_900.0);
            qy[i] = SOUTH + random.nextDouble() * (ROWS * CELL_LAT - BOX_METRES / 110_850.0);
            int b;
            do {
                b = random.nextInt(snapshot.segments().size());
            } while (!snapshot.segments().get(b).utility().valved());
            broken[i] = b;
        }
        Layer<CityComponent> components = snapshot.components();
        ByteArrayOutputStream out = new ByteArrayOutputStream(200 << 20);
        AssetWriter.geoJson(out, components);
        componentsGeoJson = out.toByteArray();
        System.out.printf("[assets] %,d components as GeoJSON: %,d MB%n", components.size(), componentsGeoJson.length >> 20);
        int[] counts = new int[200];
        int max = 0;
        for (int i = 0; i < counts.length; i++) {
            Envelope box = box(i);
            int n = snapshot.segments().count(box) + snapshot.components().count(box);
            max = Math.max(max, n);
            counts[i] = n;
        }
        System.out.printf("[assets] features per query box: mean %.0f, max %d%n",
                java.util.Arrays.stream(counts).average().orElse(0), max);
    }

    static <T extends Asset> STRtree tree(Layer<T> layer) {
        STRtree tree = new STRtree();
        for (int i = 0; i < layer.size(); i++) {
            tree.insert(new Envelope(layer.minX(i), layer.maxX(i), layer.minY(i), layer.maxY(i)), layer.get(i));
        }
        tree.build();
        return tree;
    }

    static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    Envelope box(int i) {
        int k = i & (qx.length - 1);
        return new Envelope(qx[k], qx[k] + BOX_METRES / 96_900.0, qy[k], qy[k] + BOX_METRES / 110_850.0);
    }

    @Benchmark
    public void bboxPackedGrid(Blackhole bh) {
        Envelope box = box(cursor++);
        bh.consume(snapshot.segments().query(box, 1_000));
        bh.consume(snapshot.components().query(box, 1_000));
    }

    @Benchmark
    public void bboxStrTree(Blackhole bh) {
        Envelope box = box(cursor++);
        bh.consume(segmentTree.query(box));
        bh.consume(componentTree.query(box));
    }

    @Benchmark
    public PipeNetwork.Isolation isolation() {
        return snapshot.network().isolate(broken[cursor++ & (broken.length - 1)]);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public AssetFileReader.Parsed importParse() throws Exception {
        AssetFileReader.Parsed parsed = AssetFileReader.geoJson(new ByteArrayInputStream(componentsGeoJson));
        if (!parsed.ok()) {
            throw new IllegalStateException(parsed.problems().toString());
        }
        return parsed;
    }
}
