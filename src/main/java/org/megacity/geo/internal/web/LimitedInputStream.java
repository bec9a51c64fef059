package org.megacity.geo.internal.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes through at most {@code limit} bytes and fails on the next one, so an oversized upload is
 * refused without reading past the limit (one byte beyond it, to know it is there).
 */
final class LimitedInputStream extends FilterInputStream {

    /** The body was larger than the limit. */
    static final class LimitExceeded extends IOException {
        LimitExceeded(long limit) {
            super("the body exceeds " + limit + " bytes");
        }
    }

    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && ++count > limit) {
            throw new LimitExceeded(limit);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        long allowed = limit - count + 1; // one byte more than the limit shows that it is exceeded
        int n = super.read(buffer, offset, (int) Math.min(length, Math.max(1, allowed)));
        if (n > 0) {
            count += n;
            if (count > limit) {
                throw new LimitExceeded(limit);
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        return Math.max(0, read(new byte[(int) Math.max(1, Math.min(n, 8192))]));
    }

    long count() {
        return count;
    }
}
