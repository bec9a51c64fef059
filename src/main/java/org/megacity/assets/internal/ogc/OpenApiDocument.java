package org.megacity.assets.internal.ogc;

import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.megacity.assets.AssetType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI 3.0 definition of the OGC API (conformance class OpenAPI 3.0, /req/oas30/*): the
 * paths of Part 1 with their parameters (limit 1..max, default 10; bbox; datetime; offset; f) and
 * responses, the collection ids as the enumeration of {@code collectionId}. Built as maps, written
 * as JSON.
 */
final class OpenApiDocument {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OpenApiDocument() {
    }

    static void write(OutputStream out, String base, List<AssetType> collections, int maxLimit) {
        JSON.writeValue(out, of(base, collections, maxLimit));
    }

    static Map<String, Object> of(String base, List<AssetType> collections, int maxLimit) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "Megacity assets – OGC API Features", "version", "1.0.0",
                "description", "OGC API – Features – Part 1: Core over the city's asset registry",
                "license", Map.of("name", "Government data; see docs/assets.md")));
        doc.put("servers", List.of(Map.of("url", base)));
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/", get("getLandingPage", "Landing page", List.of(ref("f")), json("LandingPage")));
        paths.put("/conformance", get("getConformanceDeclaration", "Conformance classes", List.of(ref("f")),
                json("ConformanceDeclaration")));
        paths.put("/api", get("getAPI", "This API definition", List.of(ref("f")),
                Map.of("application/vnd.oai.openapi+json;version=3.0", Map.of("schema", Map.of("type", "object")))));
        paths.put("/collections", get("getCollections", "The feature collections", List.of(ref("f")),
                json("Collections")));
        paths.put("/collections/{collectionId}", get("describeCollection", "A feature collection",
                List.of(ref("collectionId"), ref("f")), json("Collection")));
        paths.put("/collections/{collectionId}/items", get("getFeatures", "Features of a collection",
                List.of(ref("collectionId"), ref("limit"), ref("offset"), ref("bbox"), ref("datetime"), ref("f")),
                Map.of("application/geo+json", Map.of("schema", schemaRef("FeatureCollectionGeoJSON")))));
        paths.put("/collections/{collectionId}/items/{featureId}", get("getFeature", "One feature",
                List.of(ref("collectionId"), ref("featureId"), ref("f")),
                Map.of("application/geo+json", Map.of("schema", schemaRef("FeatureGeoJSON")))));
        doc.put("paths", paths);

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("f", param("f", "query", false, "The format of the response (only json)",
                Map.of("type", "string", "enum", List.of("json"))));
        parameters.put("collectionId", param("collectionId", "path", true, "A collection id",
                Map.of("type", "string", "enum", collections.stream().map(AssetType::id).toList())));
        parameters.put("featureId", param("featureId", "path", true, "A feature id", Map.of("type", "string")));
        parameters.put("limit", param("limit", "query", false, "The most features in the response",
                Map.of("type", "integer", "minimum", 1, "maximum", maxLimit, "default", OgcFeaturesApi.DEFAULT_LIMIT)));
        parameters.put("offset", param("offset", "query", false, "Features to skip (for the next and prev links)",
                Map.of("type", "integer", "minimum", 0, "default", 0)));
        Map<String, Object> bbox = param("bbox", "query", false,
                "Only features whose geometry's bounding box intersects this box: west,south,east,north in CRS84"
                        + " (or with lower and upper heights, 6 numbers)",
                Map.of("type", "array", "minItems", 4, "maxItems", 6, "items", Map.of("type", "number")));
        bbox.put("style", "form");
        bbox.put("explode", false);
        parameters.put("bbox", bbox);
        parameters.put("datetime", param("datetime", "query", false,
                "An RFC 3339 date-time or interval (open ends as '..'). Pipe segments exist from their install"
                        + " year on; other features carry no time and do not match a datetime filter.",
                Map.of("type", "string")));
        Map<String, Object> schemas = new LinkedHashMap<>();
        Map<String, Object> link = Map.of("type", "object", "required", List.of("href"), "properties", Map.of(
                "href", Map.of("type", "string"), "rel", Map.of("type", "string"), "type", Map.of("type", "string"),
                "title", Map.of("type", "string")));
        schemas.put("Link", link);
        Map<String, Object> links = Map.of("type", "array", "items", schemaRef("Link"));
        schemas.put("LandingPage", object(List.of("links"), Map.of("title", Map.of("type", "string"),
                "description", Map.of("type", "string"), "links", links)));
        schemas.put("ConformanceDeclaration", object(List.of("conformsTo"), Map.of("conformsTo",
                Map.of("type", "array", "items", Map.of("type", "string")))));
        schemas.put("Collection", object(List.of("id", "links"), Map.of("id", Map.of("type", "string"),
                "title", Map.of("type", "string"), "description", Map.of("type", "string"), "links", links,
                "extent", Map.of("type", "object"), "itemType", Map.of("type", "string"),
                "crs", Map.of("type", "array", "items", Map.of("type", "string")))));
        schemas.put("Collections", object(List.of("links", "collections"), Map.of("links", links,
                "collections", Map.of("type", "array", "items", schemaRef("Collection")))));
        schemas.put("FeatureGeoJSON", object(List.of("type", "geometry", "properties"), Map.of(
                "type", Map.of("type", "string", "enum", List.of("Feature")),
                "id", Map.of("oneOf", List.of(Map.of("type", "string"), Map.of("type", "integer"))),
                "geometry", Map.of("type", "object", "nullable", true),
                "properties", Map.of("type", "object", "nullable", true), "links", links)));
        schemas.put("FeatureCollectionGeoJSON", object(List.of("type", "features"), Map.of(
                "type", Map.of("type", "string", "enum", List.of("FeatureCollection")),
                "features", Map.of("type", "array", "items", schemaRef("FeatureGeoJSON")), "links", links,
                "timeStamp", Map.of("type", "string", "format", "date-time"),
                "numberMatched", Map.of("type", "integer", "minimum", 0),
                "numberReturned", Map.of("type", "integer", "minimum", 0))));
        schemas.put("Exception", object(List.of("code"), Map.of("code", Map.of("type", "string"),
                "description", Map.of("type", "string"))));
        doc.put("components", Map.of("parameters", parameters, "schemas", schemas));
        return doc;
    }

    private static Map<String, Object> get(String operationId, String summary, List<Object> parameters,
            Map<String, Object> content) {
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", Map.of("description", summary, "content", content));
        responses.put("400", error("A query parameter is unknown or has an invalid value"));
        if (operationId.startsWith("describe") || operationId.startsWith("getFeature")) {
            responses.put("404", error("No such collection or feature"));
        }
        responses.put("500", error("A server error"));
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", operationId);
        op.put("summary", summary);
        op.put("parameters", parameters);
        op.put("responses", responses);
        return Map.of("get", op);
    }

    private static Map<String, Object> error(String description) {
        return Map.of("description", description, "content", Map.of("application/problem+json",
                Map.of("schema", schemaRef("Exception"))));
    }

    private static Map<String, Object> json(String schema) {
        return Map.of("application/json", Map.of("schema", schemaRef(schema)));
    }

    private static Map<String, Object> ref(String parameter) {
        return Map.of("$ref", "#/components/parameters/" + parameter);
    }

    private static Map<String, Object> schemaRef(String schema) {
        return Map.of("$ref", "#/components/schemas/" + schema);
    }

    private static Map<String, Object> param(String name, String in, boolean required, String description,
            Map<String, Object> schema) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("in", in);
        p.put("required", required);
        p.put("description", description);
        p.put("schema", schema);
        return p;
    }

    private static Map<String, Object> object(List<String> required, Map<String, Object> properties) {
        return Map.of("type", "object", "required", required, "properties", properties);
    }
}
