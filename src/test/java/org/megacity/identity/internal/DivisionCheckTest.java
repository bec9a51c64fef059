package org.megacity.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.megacity.geo.CoordinateFrame;
import org.megacity.geo.Division;
import org.megacity.geo.DivisionCode;
import org.megacity.geo.DivisionLevel;
import org.megacity.geo.Geography;
import org.megacity.geo.ImportOutcome;
import org.megacity.geo.Location;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The seam between identity and geo: the format always, existence once a geography is served. */
class DivisionCheckTest {

    static final String KNOWN = "500103";

    @Test
    void withoutAGeographyOnlyTheFormatIsChecked() {
        DivisionCheck check = new DivisionCheck(new StaticListableBeanFactory().getBeanProvider(Geography.class));
        assertThat(check.problem("500103001")).isEmpty();
        assertThat(check.problem("999999")).isEmpty();
        assertThat(check.problem("50010")).hasValueSatisfying(p -> assertThat(p).contains("6 (district)"));
        assertThat(check.problem("5001O3")).hasValueSatisfying(p -> assertThat(p).contains("only digits"));
    }

    @Test
    void withAGeographyTheDivisionMustExist() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("geography", new OneDistrict());
        DivisionCheck check = new DivisionCheck(beans.getBeanProvider(Geography.class));
        assertThat(check.problem(KNOWN)).isEmpty();
        assertThat(check.problem("999999")).hasValue("division 999999 does not exist");
    }

    /** A city of one square district. */
    static final class OneDistrict implements Geography {
        @Override
        public Optional<Location> locate(double lon, double lat, CoordinateFrame frame) {
            return Optional.empty();
        }

        @Override
        public Optional<Division> division(DivisionCode code) {
            if (!code.value().equals(KNOWN)) {
                return Optional.empty();
            }
            GeometryFactory f = new GeometryFactory();
            return Optional.of(new Division(code, "渝中区", "Yuzhong", f.createPolygon(new Coordinate[] {
                    new Coordinate(106.5, 29.5), new Coordinate(106.6, 29.5), new Coordinate(106.6, 29.6),
                    new Coordinate(106.5, 29.6), new Coordinate(106.5, 29.5)})));
        }

        @Override
        public List<Division> divisions(DivisionLevel level, DivisionCode parent) {
            return List.of();
        }

        @Override
        public List<Division> gridsIn(Envelope box) {
            return List.of();
        }

        @Override
        public int count(DivisionLevel level) {
            return 0;
        }

        @Override
        public ImportOutcome importDivisions(List<Division> divisions) {
            throw new UnsupportedOperationException();
        }
    }
}
