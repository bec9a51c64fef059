package org.megacity.assets.internal.geojson;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.megacity.assets.Asset;
import org.megacity.assets.CityComponent;
import org.megacity.assets.internal.index.Layer;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/** Writes a layer straight to a stream, one feature (or CSV line) at a time; what it writes imports back. */
public final class AssetWriter {

    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private AssetWriter() {
    }

    public static void geoJson(OutputStream out, Layer<? extends Asset> layer) {
        try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringProperty("type", "FeatureCollection");
            json.writeName("features");
            json.writeStartArray();
            for (int i = 0; i < layer.size(); i++) {
                AssetFeatures.write(json, layer.get(i));
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    public static void componentsCsv(OutputStream out, Layer<CityComponent> layer) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write("code,status,lon,lat\n");
        for (int i = 0; i < layer.size(); i++) {
            CityComponent c = layer.get(i);
            w.write(c.code().value());
            w.write(',');
            w.write(c.status().id());
            w.write(',');
            w.write(Double.toString(AssetFeatures.round(c.lon())));
            w.write(',');
            w.write(Double.toString(AssetFeatures.round(c.lat())));
            w.write('\n');
        }
        w.flush();
    }
}
