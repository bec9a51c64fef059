package org.megacity.citymodel.internal;

import java.util.List;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.megacity.citymodel.Landscape;
import org.megacity.citymodel.LandscapeFeature;
import org.megacity.citymodel.LandscapeKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The landscape layer in the database, geometry as WKB. */
@Repository
@Transactional(readOnly = true)
class JdbcLandscape implements Landscape {

    private final JdbcClient jdbc;
    private final GeometryFactory factory = new GeometryFactory();

    JdbcLandscape(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<LandscapeFeature> features() {
        return jdbc.sql("select id, kind, name, name_en, geometry from citymodel_landscape order by id")
                .query((rs, n) -> new LandscapeFeature(rs.getString(1), LandscapeKind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), read(rs.getBytes(5))))
                .list();
    }

    /** Replaces the whole layer. */
    @Transactional
    public void replaceWith(List<LandscapeFeature> features) {
        jdbc.sql("delete from citymodel_landscape").update();
        WKBWriter writer = new WKBWriter();
        for (LandscapeFeature f : features) {
            jdbc.sql("insert into citymodel_landscape (id, kind, name, name_en, geometry) values (?, ?, ?, ?, ?)")
                    .params(f.id(), f.kind().name(), f.name(), f.nameEn(), writer.write(f.geometry())).update();
        }
    }

    private org.locationtech.jts.geom.Geometry read(byte[] wkb) {
        try {
            return new WKBReader(factory).read(wkb);
        } catch (ParseException e) {
            throw new IllegalStateException("a landscape geometry in the database is not valid WKB", e);
        }
    }
}
