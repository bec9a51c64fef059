package org.megacity.assets.internal.storage;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.megacity.assets.AssetType;
import org.megacity.assets.CityComponent;
import org.megacity.assets.ComponentCode;
import org.megacity.assets.ComponentStatus;
import org.megacity.assets.Geometries;
import org.megacity.assets.NodeKind;
import org.megacity.assets.Park;
import org.megacity.assets.Parcel;
import org.megacity.assets.PipeNode;
import org.megacity.assets.PipeSegment;
import org.megacity.assets.RenewalPhase;
import org.megacity.assets.RenewalProject;
import org.megacity.assets.Utility;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.stereotype.Repository;

/**
 * The module's tables. Writes go in JDBC batches (on PostgreSQL the driver rewrites them into
 * multi-row inserts when the URL asks for it); rows are read whole only when the module starts,
 * streamed row by row into the caller's consumer.
 */
@Repository
public class AssetStore {

    static final int BATCH = 2_000;
    private static final int FETCH = 5_000;

    private final JdbcTemplate jdbc;

    AssetStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public int count(AssetType type) {
        return jdbc.queryForObject("select count(*) from " + table(type), Integer.class);
    }

    static String table(AssetType type) {
        return switch (type) {
            case PIPE_NODE -> "asset_pipe_node";
            case PIPE_SEGMENT -> "asset_pipe_segment";
            case PARK -> "asset_park";
            case PARCEL -> "asset_parcel";
            case RENEWAL_PROJECT -> "asset_renewal_project";
            case COMPONENT -> "asset_component";
        };
    }

    public void loadNodes(Consumer<PipeNode> out) {
        stream("select id, utility, kind, valve_open, lon, lat from asset_pipe_node", rs -> out.accept(new PipeNode(
                rs.getLong(1), Utility.parse(rs.getString(2)), NodeKind.parse(rs.getString(3)), rs.getBoolean(4),
                rs.getDouble(5), rs.getDouble(6))));
    }

    public void loadSegments(Consumer<PipeSegment> out) {
        Strings strings = new Strings();
        WKBReader reader = new WKBReader(Geometries.FACTORY);
        stream("""
                select id, utility, from_node, to_node, material, diameter_mm, install_year, pressure_class, depth_m,
                       operator, path from asset_pipe_segment""", rs -> out.accept(new PipeSegment(rs.getLong(1),
                Utility.parse(rs.getString(2)), rs.getLong(3), rs.getLong(4), strings.intern(rs.getString(5)),
                rs.getInt(6), rs.getInt(7), strings.intern(rs.getString(8)), rs.getDouble(9),
                strings.intern(rs.getString(10)), path(reader, rs.getBytes(11), rs.getLong(1)))));
    }

    public void loadParks(Consumer<Park> out) {
        stream("select id, name, level, facilities, opening_hours, area from asset_park", rs -> out.accept(new Park(
                rs.getLong(1), rs.getString(2), rs.getString(3), facilities(rs.getString(4)), rs.getString(5),
                geometry(rs.getBytes(6), "park " + rs.getLong(1)))));
    }

    public void loadParcels(Consumer<Parcel> out) {
        Strings strings = new Strings();
        stream("select id, land_use, plot_ratio_limit, area from asset_parcel", rs -> out.accept(new Parcel(
                rs.getLong(1), strings.intern(rs.getString(2)), rs.getDouble(3),
                geometry(rs.getBytes(4), "parcel " + rs.getLong(1)))));
    }

    public void loadRenewals(Consumer<RenewalProject> out) {
        stream("select id, name, phase, budget_wan, households, area from asset_renewal_project", rs -> out.accept(
                new RenewalProject(rs.getLong(1), rs.getString(2), RenewalPhase.parse(rs.getString(3)), rs.getLong(4),
                        rs.getInt(5), geometry(rs.getBytes(6), "renewal project " + rs.getLong(1)))));
    }

    public void loadComponents(Consumer<CityComponent> out) {
        stream("select id, code, status, lon, lat from asset_component", rs -> out.accept(new CityComponent(
                ComponentCode.of(rs.getString(2)), ComponentStatus.parse(rs.getString(3)),
                rs.getDouble(4), rs.getDouble(5))));
    }

    /**
     * Stores the batch: rows with ids already stored are replaced (deleted, then inserted). Runs in
     * the caller's transaction.
     */
    public void save(AssetBatch batch, Replaced replaced) {
        delete("asset_pipe_node", replaced.nodes());
        delete("asset_pipe_segment", replaced.segments());
        delete("asset_park", replaced.parks());
        delete("asset_parcel", replaced.parcels());
        delete("asset_renewal_project", replaced.renewals());
        delete("asset_component", replaced.components());
        WKBWriter wkb = new WKBWriter(2);
        insert("insert into asset_pipe_node (id, utility, kind, valve_open, lon, lat) values (?, ?, ?, ?, ?, ?)",
                batch.nodes, (ps, n) -> {
                    ps.setLong(1, n.id());
                    ps.setString(2, n.utility().id());
                    ps.setString(3, n.kind().id());
                    ps.setBoolean(4, n.open());
                    ps.setDouble(5, n.lon());
                    ps.setDouble(6, n.lat());
                });
        insert("""
                insert into asset_pipe_segment (id, utility, from_node, to_node, material, diameter_mm, install_year,
                    pressure_class, depth_m, operator, min_lon, min_lat, max_lon, max_lat, path)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", batch.segments, (ps, s) -> {
            ps.setLong(1, s.id());
            ps.setString(2, s.utility().id());
            ps.setLong(3, s.fromNode());
            ps.setLong(4, s.toNode());
            ps.setString(5, s.material());
            ps.setInt(6, s.diameterMm());
            ps.setInt(7, s.installYear());
            ps.setString(8, s.pressureClass());
            ps.setDouble(9, s.depthM());
            ps.setString(10, s.operator());
            box(ps, 11, s.envelope());
            ps.setBytes(15, wkb.write(s.geometry()));
        });
        insert("""
                insert into asset_park (id, name, level, facilities, opening_hours, min_lon, min_lat, max_lon, max_lat,
                    area) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", batch.parks, (ps, p) -> {
            ps.setLong(1, p.id());
            ps.setString(2, p.name());
            ps.setString(3, p.level());
            ps.setString(4, String.join(";", p.facilities()));
            ps.setString(5, p.openingHours());
            box(ps, 6, p.envelope());
            ps.setBytes(10, wkb.write(p.area()));
        });
        insert("""
                insert into asset_parcel (id, land_use, plot_ratio_limit, min_lon, min_lat, max_lon, max_lat, area)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", batch.parcels, (ps, p) -> {
            ps.setLong(1, p.id());
            ps.setString(2, p.landUse());
            ps.setDouble(3, p.plotRatioLimit());
            box(ps, 4, p.envelope());
            ps.setBytes(8, wkb.write(p.area()));
        });
        insert("""
                insert into asset_renewal_project (id, name, phase, budget_wan, households, min_lon, min_lat, max_lon,
                    max_lat, area) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", batch.renewals, (ps, r) -> {
            ps.setLong(1, r.id());
            ps.setString(2, r.name());
            ps.setString(3, r.phase().id());
            ps.setLong(4, r.budgetWan());
            ps.setInt(5, r.households());
            box(ps, 6, r.envelope());
            ps.setBytes(10, wkb.write(r.area()));
        });
        insert("insert into asset_component (id, code, status, lon, lat) values (?, ?, ?, ?, ?)", batch.components,
                (ps, c) -> {
                    ps.setLong(1, c.id());
                    ps.setString(2, c.code().value());
                    ps.setString(3, c.status().id());
                    ps.setDouble(4, c.lon());
                    ps.setDouble(5, c.lat());
                });
    }

    /** Ids of rows an import replaces, per table. */
    public record Replaced(List<Long> nodes, List<Long> segments, List<Long> parks, List<Long> parcels,
            List<Long> renewals, List<Long> components) {
        public static Replaced none() {
            return new Replaced(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        }
    }

    private void delete(String table, List<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.batchUpdate("delete from " + table + " where id = ?", ids, BATCH, (ps, id) -> ps.setLong(1, id));
        }
    }

    private <T> void insert(String sql, List<T> rows, ParameterizedPreparedStatementSetter<T> setter) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)), BATCH, setter);
        }
    }

    private static void box(PreparedStatement ps, int at, Envelope e) throws SQLException {
        ps.setDouble(at, e.getMinX());
        ps.setDouble(at + 1, e.getMinY());
        ps.setDouble(at + 2, e.getMaxX());
        ps.setDouble(at + 3, e.getMaxY());
    }

    @FunctionalInterface
    private interface Row {
        void read(java.sql.ResultSet rs) throws SQLException;
    }

    private void stream(String sql, Row row) {
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(sql, java.sql.ResultSet.TYPE_FORWARD_ONLY,
                    java.sql.ResultSet.CONCUR_READ_ONLY);
            ps.setFetchSize(FETCH);
            return ps;
        }, rs -> {
            row.read(rs);
        });
    }

    private static List<String> facilities(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(";"));
    }

    private static double[] path(WKBReader reader, byte[] wkb, long id) {
        Geometry g;
        try {
            g = reader.read(wkb);
        } catch (ParseException e) {
            throw new IllegalStateException("the stored path of segment " + id + " is not valid WKB", e);
        }
        if (!(g instanceof LineString line)) {
            throw new IllegalStateException("the stored path of segment " + id + " is not a line");
        }
        double[] path = new double[line.getNumPoints() * 2];
        for (int i = 0; i < line.getNumPoints(); i++) {
            path[2 * i] = line.getCoordinateSequence().getX(i);
            path[2 * i + 1] = line.getCoordinateSequence().getY(i);
        }
        return path;
    }

    private static Geometry geometry(byte[] wkb, String what) {
        try {
            return new WKBReader(Geometries.FACTORY).read(wkb);
        } catch (ParseException e) {
            throw new IllegalStateException("the stored geometry of " + what + " is not valid WKB", e);
        }
    }

    /** Shares equal strings among the many rows that repeat a few values (materials, operators). */
    private static final class Strings {
        private final java.util.HashMap<String, String> seen = new java.util.HashMap<>();

        String intern(String s) {
            String known = seen.putIfAbsent(s, s);
            return known == null ? s : known;
        }
    }
}
