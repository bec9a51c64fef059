package org.megacity.legislation.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.megacity.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** A regulation's text sent as the body of a request ({@code text/plain} or {@code text/markdown}). */
record TextBody(String text, String format) {

    /** The largest body accepted, in bytes (the longest codes are about 1.5 MB of UTF-8). */
    static final int MAX_BYTES = 4 * 1024 * 1024;

    static TextBody read(HttpServletRequest request) {
        if (request.getContentLengthLong() > MAX_BYTES) {
            throw tooLarge();
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw Problems.invalid("body", "the body could not be read: " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge();
        }
        MediaType type;
        try {
            type = request.getContentType() == null ? MediaType.TEXT_PLAIN : MediaType.parseMediaType(request.getContentType());
        } catch (RuntimeException e) {
            throw Problems.invalid("Content-Type", "not a media type: " + request.getContentType());
        }
        Charset charset = type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
        String text;
        try {
            text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw Problems.invalid("body", "the body is not valid " + charset.name() + " text");
        }
        boolean markdown = "markdown".equals(type.getSubtype()) || "x-markdown".equals(type.getSubtype());
        return new TextBody(text, markdown ? "markdown" : "plain");
    }

    private static RuntimeException tooLarge() {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Text too large",
                "a regulation's text is at most " + MAX_BYTES + " bytes; nothing was stored");
    }
}
