package org.megacity.assets.internal.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.megacity.assets.Asset;
import org.megacity.assets.PipeNode;
import org.megacity.assets.PipeSegment;
import org.megacity.assets.internal.geojson.AssetFeatures;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Assets in API responses: GeoJSON features written by {@link AssetFeatures}, as trees or bytes. */
final class AssetJson {

    static final JsonFactory FACTORY = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private AssetJson() {
    }

    /** The asset as a GeoJSON Feature tree (for embedding in a response object). */
    static JsonNode feature(Asset asset) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8)) {
            AssetFeatures.write(g, asset);
        }
        return MAPPER.readTree(out.toByteArray());
    }

    static Map<String, Object> collection(List<? extends Asset> assets) {
        Map<String, Object> fc = new LinkedHashMap<>();
        fc.put("type", "FeatureCollection");
        List<JsonNode> features = new ArrayList<>(assets.size());
        assets.forEach(a -> features.add(feature(a)));
        fc.put("features", features);
        return fc;
    }

    static Map<String, Object> segmentSummary(PipeSegment s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("utility", s.utility().id());
        m.put("material", s.material());
        m.put("diameterMm", s.diameterMm());
        m.put("installYear", s.installYear());
        m.put("pressureClass", s.pressureClass());
        m.put("depthM", s.depthM());
        m.put("operator", s.operator());
        return m;
    }

    static Map<String, Object> node(PipeNode n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.id());
        m.put("utility", n.utility().id());
        m.put("kind", n.kind().id());
        m.put("lon", n.lon());
        m.put("lat", n.lat());
        return m;
    }

    static List<Double> bbox(Envelope e) {
        return e.isNull() ? List.of() : List.of(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
    }
}
