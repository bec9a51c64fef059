package org.megacity.geo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.megacity.geo.Division;
import org.megacity.geo.DivisionsGeoJson;
import org.megacity.geo.ImportOutcome;
import org.megacity.geo.internal.geojson.GeoJsonReader;
import org.megacity.geo.internal.geojson.GeoJsonWriter;
import org.megacity.geo.internal.geojson.Winding;
import org.megacity.geo.internal.validation.ImportChecks;
import org.springframework.stereotype.Component;

/** {@link DivisionsGeoJson} over the geography's own reader, writer and import checks. */
@Component
class GeoJsonDivisions implements DivisionsGeoJson {

    private final GeographyService geography;

    GeoJsonDivisions(GeographyService geography) {
        this.geography = geography;
    }

    @Override
    public void write(OutputStream out, List<Division> divisions) {
        GeoJsonWriter.write(out, divisions);
    }

    @Override
    public Read read(InputStream in) throws IOException {
        GeoJsonReader.Result result = GeoJsonReader.read(in, Winding.STRICT);
        List<ImportOutcome.Problem> problems = new ArrayList<>(result.problems());
        if (result.problemsNotListed() > 0) {
            problems.add(new ImportOutcome.Problem("body", "… and " + result.problemsNotListed() + " more problems"));
        }
        return new Read(result.features().stream().map(GeoJsonReader.Feature::division).toList(), problems,
                result.malformed());
    }

    @Override
    public List<ImportOutcome.Problem> check(List<Division> divisions) {
        List<GeoJsonReader.Feature> features = new ArrayList<>(divisions.size());
        for (int i = 0; i < divisions.size(); i++) {
            Division d = divisions.get(i);
            features.add(new GeoJsonReader.Feature(i, new Division(d.code(), d.name(), d.nameEn(),
                    GeographyService.RightHandRule.apply(d.boundary()))));
        }
        return ImportChecks.check(features, new HashSet<>(), geography.atlas());
    }
}
