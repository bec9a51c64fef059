package org.megacity.geo.internal.storage;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.megacity.geo.Division;
import org.megacity.geo.DivisionCode;
import org.megacity.geo.GeoMeasure;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code geo_division} table: boundaries as WKB beside their bounding boxes and areas. Writes go
 * in JDBC batches; the table is read whole only when the module starts.
 */
@Repository
public class DivisionStore {

    private static final int BATCH = 1_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    DivisionStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Every division, as stored. */
    public List<Division> loadAll() {
        GeometryFactory factory = new GeometryFactory();
        return jdbc.sql("select code, name, name_en, boundary from geo_division")
                .query((rs, row) -> new Division(DivisionCode.of(rs.getString(1)), rs.getString(2), rs.getString(3),
                        geometry(factory, rs.getBytes(4), rs.getString(1))))
                .list();
    }

    public int count() {
        return jdbc.sql("select count(*) from geo_division").query(Integer.class).single();
    }

    /**
     * Stores divisions: those whose codes are in {@code replaced} are deleted first, then all are
     * inserted, in batches. Runs in the caller's transaction.
     */
    public void save(List<Division> divisions, Collection<String> replaced) {
        if (!replaced.isEmpty()) {
            List<String> codes = new ArrayList<>(replaced);
            template.batchUpdate("delete from geo_division where code = ?", codes, BATCH,
                    (ps, code) -> ps.setString(1, code));
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        WKBWriter wkb = new WKBWriter(2);
        for (int from = 0; from < divisions.size(); from += BATCH) {
            List<Division> batch = divisions.subList(from, Math.min(divisions.size(), from + BATCH));
            template.batchUpdate("""
                    insert into geo_division (code, level, parent_code, name, name_en, min_lon, min_lat, max_lon, max_lat,
                                              area_m2, boundary, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement ps, int i) throws SQLException {
                    Division d = batch.get(i);
                    Envelope box = d.boundary().getEnvelopeInternal();
                    ps.setString(1, d.code().value());
                    ps.setString(2, d.level().nameEn());
                    ps.setString(3, d.code().parent().map(DivisionCode::value).orElse(null));
                    ps.setString(4, d.name());
                    ps.setString(5, d.nameEn());
                    ps.setDouble(6, box.getMinX());
                    ps.setDouble(7, box.getMinY());
                    ps.setDouble(8, box.getMaxX());
                    ps.setDouble(9, box.getMaxY());
                    ps.setDouble(10, GeoMeasure.around(d.boundary()).squareMetres(d.boundary()));
                    ps.setBytes(11, wkb.write(d.boundary()));
                    ps.setObject(12, now);
                }

                @Override
                public int getBatchSize() {
                    return batch.size();
                }
            });
        }
    }

    private static Geometry geometry(GeometryFactory factory, byte[] wkb, String code) {
        try {
            return new WKBReader(factory).read(wkb);
        } catch (ParseException e) {
            throw new IllegalStateException("the stored boundary of " + code + " is not valid WKB", e);
        }
    }
}
