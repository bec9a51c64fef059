package org.megacity.assets.internal.geojson;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.megacity.assets.Asset;
import org.megacity.assets.CityComponent;
import org.megacity.assets.ComponentCode;
import org.megacity.assets.ComponentStatus;
import org.megacity.assets.internal.geojson.AssetFeatures.Problem;
import org.megacity.assets.internal.storage.AssetBatch;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads assets from a GeoJSON FeatureCollection or a components CSV as a stream: the parser holds
 * one feature's tree at a time, so a file of a million features costs the assets it yields (about
 * 100 bytes each), never the file's text. Every problem is collected with the feature's index
 * ({@code features[12].properties.diameterMm}) or the CSV line; malformed JSON stops the reading
 * with one problem saying where. Only I/O failures throw.
 */
public final class AssetFileReader {

    /** At most this many problems are listed; the rest are counted. */
    public static final int MAX_PROBLEMS = 1_000;

    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxNumberLength(64)
                            .maxStringLength(1 << 20).maxNameLength(1_000).build())
                    .build())
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** What was read: the assets (complete only when there are no problems), and the problems. */
    public record Parsed(AssetBatch batch, int features, List<Problem> problems, int problemsNotListed) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private AssetFileReader() {
    }

    public static Parsed geoJson(InputStream in) throws IOException {
        AssetBatch batch = new AssetBatch();
        Problems problems = new Problems();
        int index = 0;
        try (JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                problems.add(new Problem("$", "is not a GeoJSON FeatureCollection (a JSON object)"));
                return problems.parsed(batch, 0);
            }
            boolean collection = false;
            boolean features = false;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "type" -> {
                        if (value != JsonToken.VALUE_STRING || !"FeatureCollection".equals(p.getString())) {
                            problems.add(new Problem("type", "must be FeatureCollection"));
                        }
                        collection = true;
                    }
                    case "features" -> {
                        if (value != JsonToken.START_ARRAY) {
                            problems.add(new Problem("features", "must be an array"));
                            p.skipChildren();
                            break;
                        }
                        features = true;
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            JsonNode feature = JSON.readTree(p);
                            List<Problem> found = new ArrayList<>(0);
                            Asset asset = AssetFeatures.read(feature, "features[" + index + "]", found);
                            if (asset != null && problems.isEmpty()) {
                                batch.add(asset, index);
                            }
                            found.forEach(problems::add);
                            index++;
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (!collection) {
                problems.add(new Problem("type", "is missing (a FeatureCollection is expected)"));
            }
            if (!features) {
                problems.add(new Problem("features", "is missing"));
            }
        } catch (JacksonException e) {
            // a decoding error (bytes that are not UTF-8, -16 or -32) is the file's fault; other I/O errors are not
            if (e.getCause() instanceof IOException io && !(io instanceof java.io.CharConversionException)) {
                throw io;
            }
            var at = e.getLocation();
            problems.add(new Problem(at == null ? "$" : "line " + at.getLineNr() + ", column " + at.getColumnNr(),
                    "malformed JSON: " + e.getOriginalMessage()));
        }
        return problems.parsed(batch, index);
    }

    /**
     * Reads components from CSV with the header {@code code,status,lon,lat} (UTF-8, comma-separated,
     * no quoting needed: no field holds a comma).
     */
    public static Parsed componentsCsv(InputStream in) throws IOException {
        AssetBatch batch = new AssetBatch();
        batch.sourceFormat("line %d");
        Problems problems = new Problems();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String header = reader.readLine();
        if (header == null || !header.replace("\uFEFF", "").trim().equals("code,status,lon,lat")) {
            problems.add(new Problem("line 1", "the header must be code,status,lon,lat"));
            return problems.parsed(batch, 0);
        }
        int lineNo = 1;
        int rows = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            rows++;
            String where = "line " + lineNo;
            String[] f = line.split(",", -1);
            if (f.length != 4) {
                problems.add(new Problem(where, "needs 4 fields (code,status,lon,lat), has " + f.length));
                continue;
            }
            try {
                ComponentCode code = ComponentCode.of(f[0].trim());
                ComponentStatus status = ComponentStatus.parse(f[1]);
                double lon = Double.parseDouble(f[2].trim());
                double lat = Double.parseDouble(f[3].trim());
                if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
                    problems.add(new Problem(where, "longitude must be within -180..180 and latitude within -90..90"));
                    continue;
                }
                if (problems.isEmpty()) {
                    batch.add(new CityComponent(code, status, lon, lat), lineNo);
                }
            } catch (NumberFormatException e) {
                problems.add(new Problem(where, "lon and lat must be numbers"));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(where, e.getMessage()));
            }
        }
        return problems.parsed(batch, rows);
    }

    private static final class Problems {
        final List<Problem> listed = new ArrayList<>();
        int more;

        void add(Problem p) {
            if (listed.size() < MAX_PROBLEMS) {
                listed.add(p);
            } else {
                more++;
            }
        }

        boolean isEmpty() {
            return listed.isEmpty();
        }

        Parsed parsed(AssetBatch batch, int features) {
            return new Parsed(batch, features, List.copyOf(listed), more);
        }
    }
}
