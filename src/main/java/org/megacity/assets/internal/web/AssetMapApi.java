package org.megacity.assets.internal.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.megacity.assets.Asset;
import org.megacity.assets.AssetType;
import org.megacity.assets.internal.AssetRegistryService;
import org.megacity.assets.internal.AssetSnapshot;
import org.megacity.assets.internal.index.Layer;
import org.megacity.platform.Problems;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The map's asset layers: only what is in view, and when that is more than
 * {@value #MAX_FEATURES} features, counts in a {@value #CELLS}x{@value #CELLS} grid over the view
 * instead (one pass over the index, no geometry built), so a million components stay fluid at any
 * zoom.
 */
@RestController
@RequestMapping("/api/v1/assets/map")
class AssetMapApi {

    static final int MAX_FEATURES = 2_000;
    static final int CELLS = 24;

    private final AssetRegistryService registry;

    AssetMapApi(AssetRegistryService registry) {
        this.registry = registry;
    }

    /** The box around all assets (sampled), for the map's first view; empty when there are none. */
    @GetMapping("/extent")
    Map<String, Object> extent() {
        AssetSnapshot s = registry.snapshot();
        Envelope e = new Envelope();
        for (AssetType t : AssetType.values()) {
            Layer<? extends Asset> layer = s.layer(t);
            for (int i = 0; i < layer.size(); i += Math.max(1, layer.size() / 20_000)) {
                e.expandToInclude(layer.minX(i), layer.minY(i));
                e.expandToInclude(layer.maxX(i), layer.maxY(i));
            }
        }
        return Map.of("ready", registry.ready(), "bbox", AssetJson.bbox(e));
    }

    @GetMapping("/{layer}")
    Map<String, Object> layer(@PathVariable String layer, @RequestParam String bbox) {
        AssetType type = AssetsApi.type(layer);
        Envelope box = AssetsApi.box(bbox);
        if (box.getWidth() > 5 || box.getHeight() > 5) {
            throw Problems.invalid("bbox", "the map asks for at most 5 degrees a side");
        }
        Layer<? extends Asset> l = registry.snapshot().layer(type);
        int[] hits = l.query(box, MAX_FEATURES + 1);
        if (hits.length <= MAX_FEATURES) {
            List<Asset> assets = new ArrayList<>(hits.length);
            for (int i : hits) {
                assets.add(l.get(i));
            }
            Map<String, Object> fc = AssetJson.collection(assets);
            fc.put("aggregated", false);
            return fc;
        }
        int[] counts = new int[CELLS * CELLS];
        double[] sumX = new double[CELLS * CELLS];
        double[] sumY = new double[CELLS * CELLS];
        double w = box.getWidth() / CELLS;
        double h = box.getHeight() / CELLS;
        l.index().query(box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY(), i -> {
            double x = Math.min(Math.max((l.minX(i) + l.maxX(i)) / 2, box.getMinX()), box.getMaxX());
            double y = Math.min(Math.max((l.minY(i) + l.maxY(i)) / 2, box.getMinY()), box.getMaxY());
            int c = Math.min(CELLS - 1, (int) ((x - box.getMinX()) / w));
            int r = Math.min(CELLS - 1, (int) ((y - box.getMinY()) / h));
            counts[r * CELLS + c]++;
            sumX[r * CELLS + c] += x;
            sumY[r * CELLS + c] += y;
            return true;
        });
        List<Map<String, Object>> clusters = new ArrayList<>();
        int total = 0;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > 0) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("lon", sumX[k] / counts[k]);
                c.put("lat", sumY[k] / counts[k]);
                c.put("count", counts[k]);
                clusters.add(c);
                total += counts[k];
            }
        }
        return Map.of("aggregated", true, "total", total, "clusters", clusters);
    }
}
