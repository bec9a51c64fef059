package org.megacity.identity;

import java.util.List;

/**
 * Paths a module opens to callers who have not signed in, declared as a bean by the module that
 * serves them; identity's security configuration collects every such bean. Patterns are Spring path
 * patterns ({@code /open311/v2/**}). Everything not declared needs an account.
 *
 * @param reason     why these paths are public (the law or standard that asks for it), for reviewers
 * @param pages      page paths (any method) served in the page chain
 * @param apiReads   paths under {@code /api/} that anyone may GET
 * @param apiWrites  paths under {@code /api/} that anyone may call with any method (public submission
 *                   forms); they carry their own abuse controls
 * @param csrfExempt page-chain paths whose writes carry their own credentials (an Open311
 *                   {@code api_key}) and so need no CSRF token
 */
public record PublicAccess(String reason, List<String> pages, List<String> apiReads, List<String> apiWrites,
        List<String> csrfExempt) {

    public PublicAccess {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a public path needs its reason");
        }
        pages = List.copyOf(pages);
        apiReads = List.copyOf(apiReads);
        apiWrites = List.copyOf(apiWrites);
        csrfExempt = List.copyOf(csrfExempt);
        for (List<String> list : List.of(apiReads, apiWrites)) {
            for (String path : list) {
                if (!path.startsWith("/api/")) {
                    throw new IllegalArgumentException("not an API path: " + path);
                }
            }
        }
    }

    /** Public access with only a reason; add paths with the {@code with…} methods. */
    public static PublicAccess because(String reason) {
        return new PublicAccess(reason, List.of(), List.of(), List.of(), List.of());
    }

    public PublicAccess withPages(String... patterns) {
        return new PublicAccess(reason, concat(pages, patterns), apiReads, apiWrites, csrfExempt);
    }

    public PublicAccess withApiReads(String... patterns) {
        return new PublicAccess(reason, pages, concat(apiReads, patterns), apiWrites, csrfExempt);
    }

    public PublicAccess withApiWrites(String... patterns) {
        return new PublicAccess(reason, pages, apiReads, concat(apiWrites, patterns), csrfExempt);
    }

    public PublicAccess withoutCsrf(String... patterns) {
        return new PublicAccess(reason, pages, apiReads, apiWrites, concat(csrfExempt, patterns));
    }

    private static List<String> concat(List<String> list, String... more) {
        return java.util.stream.Stream.concat(list.stream(), java.util.Arrays.stream(more)).toList();
    }
}
