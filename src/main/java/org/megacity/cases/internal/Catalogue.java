package org.megacity.cases.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.megacity.platform.DataDirectory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The city's case catalogue: categories, hotline types and routing overrides per district, read from
 * {@code cases/*.csv} (the data directory's copy wins over the shipped one).
 */
@Component
class Catalogue {

    private static final Pattern CODE = Pattern.compile("[CE]\\d{4}");

    private final Map<String, Category> categories;
    private final Map<String, HotlineType> hotlineTypes;
    /** district → (category prefix → department) */
    private final Map<String, Map<String, String>> overrides;

    @org.springframework.beans.factory.annotation.Autowired
    Catalogue(DataDirectory data) {
        this(read(data, "categories.csv"), read(data, "hotline-types.csv"), read(data, "routing-overrides.csv"));
    }

    Catalogue(List<String[]> categoryRows, List<String[]> typeRows, List<String[]> overrideRows) {
        Map<String, Category> cats = new LinkedHashMap<>();
        for (String[] r : categoryRows) {
            require(r, 11, "categories.csv");
            if (!CODE.matcher(r[0]).matches() || !r[0].substring(1, 3).equals(r[2])
                    || (r[0].charAt(0) == 'C') != r[1].equals("component")) {
                throw new IllegalArgumentException("categories.csv: code " + r[0] + " must be C or E + major "
                        + "+ minor and agree with kind and major");
            }
            if (cats.put(r[0], new Category(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], TimeLimit.parse(r[8]),
                    TimeLimit.parse(r[9]), TimeLimit.parse(r[10]))) != null) {
                throw new IllegalArgumentException("categories.csv: " + r[0] + " appears twice");
            }
        }
        this.categories = cats;
        Map<String, HotlineType> types = new LinkedHashMap<>();
        for (String[] r : typeRows) {
            require(r, 4, "hotline-types.csv");
            types.put(r[0], new HotlineType(r[0], r[1], r[2], TimeLimit.parse(r[3])));
        }
        this.hotlineTypes = types;
        Map<String, Map<String, String>> over = new LinkedHashMap<>();
        for (String[] r : overrideRows) {
            require(r, 3, "routing-overrides.csv");
            over.computeIfAbsent(r[0], k -> new LinkedHashMap<>()).put(r[1], r[2]);
        }
        this.overrides = over;
    }

    private static void require(String[] row, int n, String file) {
        if (row.length != n) {
            throw new IllegalArgumentException(file + ": row " + String.join(",", row) + " needs " + n + " columns");
        }
    }

    static List<String[]> read(DataDirectory data, String name) {
        Path own = data == null ? null : data.resolve("cases").resolve(name);
        try (InputStream in = own != null && Files.isRegularFile(own) ? Files.newInputStream(own)
                : new ClassPathResource("cases/" + name).getInputStream()) {
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cases/" + name, e);
        }
    }

    /** Rows of a simple CSV: {@code #} comments and the header line skipped, no quoting. */
    static List<String[]> parse(InputStream in) throws IOException {
        List<String[]> rows = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        boolean header = true;
        for (String line; (line = reader.readLine()) != null; ) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] cells = line.split(",", -1);
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cells[i].trim();
            }
            rows.add(cells);
        }
        return rows;
    }

    List<Category> categories() {
        return List.copyOf(categories.values());
    }

    Optional<Category> category(String code) {
        return Optional.ofNullable(code == null ? null : categories.get(code));
    }

    List<HotlineType> hotlineTypes() {
        return List.copyOf(hotlineTypes.values());
    }

    Optional<HotlineType> hotlineType(String code) {
        return Optional.ofNullable(code == null ? null : hotlineTypes.get(code));
    }

    /** The department for a category in a district: the longest matching override, else the default. */
    String department(Category category, String districtCode) {
        Map<String, String> own = overrides.get(districtCode);
        if (own != null) {
            String best = null;
            for (Map.Entry<String, String> e : own.entrySet()) {
                if (category.code().startsWith(e.getKey()) && (best == null || e.getKey().length() > best.length())) {
                    best = e.getKey();
                }
            }
            if (best != null) {
                return own.get(best);
            }
        }
        return category.department();
    }
}
