package org.megacity.geo.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.megacity.geo.internal.geojson.GeoJsonReader;
import org.megacity.geo.internal.geojson.Winding;

class LimitedInputStreamTest {

    /** A 100 MB GeoJSON-looking body, produced as it is read: nothing of that size is allocated. */
    static final class HundredMegabytes extends InputStream {
        static final long SIZE = 100L * 1024 * 1024;
        long produced;
        private final byte[] pattern = "[106.1234567,29.1234567],".getBytes(StandardCharsets.US_ASCII);

        @Override
        public int read() {
            return produced < SIZE ? pattern[(int) (produced++ % pattern.length)] : -1;
        }
    }

    @Test
    void aHundredMegabyteUploadStopsOneByteAfterTheLimit() {
        long limit = 50L * 1024 * 1024;
        HundredMegabytes body = new HundredMegabytes();
        InputStream upload = new SequenceInputStream(new ByteArrayInputStream(
                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[".getBytes(StandardCharsets.US_ASCII)),
                body);
        LimitedInputStream limited = new LimitedInputStream(upload, limit);

        assertThatThrownBy(() -> GeoJsonReader.read(limited, Winding.STRICT))
                .isInstanceOf(LimitedInputStream.LimitExceeded.class);
        assertThat(limited.count()).isEqualTo(limit + 1);
        assertThat(body.produced).isLessThan(limit + 1);
    }

    @Test
    void aBodyWithinTheLimitPassesWhole() throws Exception {
        LimitedInputStream limited = new LimitedInputStream(new ByteArrayInputStream(new byte[100]), 100);
        assertThat(limited.readAllBytes()).hasSize(100);
    }
}
