package org.megacity.citymodel.generation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.List;
import javax.imageio.ImageIO;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.megacity.citymodel.CityScale;
import org.megacity.citymodel.LandscapeFeature;
import org.megacity.geo.Division;

/**
 * Draws a generated city into a PNG, for looking at: {@code CitySketch small|megacity SEED FILE [zoom]}.
 * Not a test; a tool for whoever tunes the generator.
 */
public final class CitySketch {

    public static void main(String[] args) throws Exception {
        CityScale scale = CityScale.parse(args[0]);
        long seed = Long.parseLong(args[1]);
        long t0 = System.nanoTime();
        GeneratedCity city = new CityGenerator().generate(scale, seed, new ConsoleProgress(System.out));
        System.out.printf("generated in %.1f s: %d districts, %d streets, %d communities, %d grids%n",
                (System.nanoTime() - t0) / 1e9, city.districts().size(), city.streets().size(),
                city.communities().size(), city.grids().size());
        double zoom = args.length > 3 ? Double.parseDouble(args[3]) : 1;
        draw(city, new File(args[2]), zoom);
    }

    static void draw(GeneratedCity city, File file, double zoom) throws Exception {
        Envelope box = new Envelope();
        city.districts().forEach(d -> box.expandToInclude(d.boundary().getEnvelopeInternal()));
        double cx = box.centre().x;
        double cy = box.centre().y;
        double w = box.getWidth() / zoom;
        double h = box.getHeight() / zoom;
        Envelope view = new Envelope(cx - w / 2, cx + w / 2, cy - h / 2, cy + h / 2);
        int size = 1600;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size, size);
        double scale = size / Math.max(view.getWidth(), view.getHeight() * 1.15);
        for (LandscapeFeature f : city.landscape()) {
            g.setColor(new Color(150, 190, 240));
            fill(g, f.geometry(), view, scale, size);
        }
        stroke(g, city.grids(), view, scale, size, new Color(225, 225, 225), 0.5f);
        stroke(g, city.communities(), view, scale, size, new Color(170, 170, 170), 0.8f);
        stroke(g, city.streets(), view, scale, size, new Color(90, 90, 90), 1.2f);
        stroke(g, city.districts(), view, scale, size, new Color(200, 30, 30), 2.2f);
        g.dispose();
        ImageIO.write(image, "png", file);
    }

    private static void stroke(Graphics2D g, List<Division> divisions, Envelope view, double scale, int size, Color color,
            float width) {
        g.setColor(color);
        g.setStroke(new BasicStroke(width));
        for (Division d : divisions) {
            if (d.boundary().getEnvelopeInternal().intersects(view)) {
                for (int i = 0; i < d.boundary().getNumGeometries(); i++) {
                    g.draw(path(((Polygon) d.boundary().getGeometryN(i)).getExteriorRing(), view, scale, size));
                }
            }
        }
    }

    private static void fill(Graphics2D g, Geometry geometry, Envelope view, double scale, int size) {
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Geometry part = geometry.getGeometryN(i);
            if (part instanceof Polygon p) {
                g.fill(path(p.getExteriorRing(), view, scale, size));
            }
        }
    }

    private static Path2D path(Geometry ring, Envelope view, double scale, int size) {
        Path2D path = new Path2D.Double();
        Coordinate[] cs = ring.getCoordinates();
        for (int i = 0; i < cs.length; i++) {
            double x = (cs[i].x - view.getMinX()) * scale * 1.15 / 1.15;
            double y = size - (cs[i].y - view.getMinY()) * scale * 1.15;
            if (i == 0) {
                path.moveTo(x * 0.87 * 1.15, y);
            } else {
                path.lineTo(x * 0.87 * 1.15, y);
            }
        }
        return path;
    }
}
