package org.megacity.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every template satisfies the Content Security Policy of {@link SecurityHeadersFilter}: an inline
 * script carries the response's nonce ({@code th:nonce="${cspNonce}"}), and no element has an
 * inline event handler or a {@code javascript:} URL, which the policy refuses whatever the nonce.
 */
class ContentSecurityPolicyTemplatesTest {

    static final Path TEMPLATES = Path.of("src", "main", "resources", "templates");
    static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>");
    static final Pattern HANDLER = Pattern.compile("(?<=[\\s:])(on[a-z]+)\\s*=", Pattern.CASE_INSENSITIVE);

    @Test
    void inlineScriptsCarryTheNonceAndNoElementHasAnInlineHandler() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file, StandardCharsets.UTF_8);
                Matcher script = SCRIPT.matcher(html);
                while (script.find()) {
                    String attributes = script.group(1);
                    if (!attributes.contains("src=") && !attributes.contains("th:nonce=\"${cspNonce}\"")) {
                        problems.add(file + ": inline script without th:nonce: " + script.group());
                    }
                }
                Matcher handler = HANDLER.matcher(html);
                while (handler.find()) {
                    problems.add(file + ": inline event handler " + handler.group(1));
                }
                if (html.contains("javascript:")) {
                    problems.add(file + ": javascript: URL");
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
