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
import org.megacity.cases.CaseCatalogue;
import org.megacity.cases.CatalogueDefinition;
import org.megacity.platform.DataDirectory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The city's case catalogue: categories, hotline types and routing overrides per district, read from
 * {@code cases/*.csv} (the data directory's copy wins over the shipped one).
 */
@Component
class Catalogue implements CaseCatalogue {

    private static final Pattern CODE = Pattern.compile("[CE]\\d{4}");
    private static final String[] FILES = {"categories.csv", "hotline-types.csv", "routing-overrides.csv"};

    /** The catalogue in force, replaced whole by {@link #load}. */
    private record State(Map<String, Category> categories, Map<String, HotlineType> hotlineTypes,
            Map<String, Map<String, String>> overrides, List<String[]> overrideRows) {
    }

    private final DataDirectory data;
    private volatile State state;

    @org.springframework.beans.factory.annotation.Autowired
    Catalogue(DataDirectory data) {
        this.data = data;
        this.state = build(read(data, FILES[0]), read(data, FILES[1]), read(data, FILES[2]));
    }

    Catalogue(List<String[]> categoryRows, List<String[]> typeRows, List<String[]> overrideRows) {
        this.data = null;
        this.state = build(categoryRows, typeRows, overrideRows);
    }

    private static State build(List<String[]> categoryRows, List<String[]> typeRows, List<String[]> overrideRows) {
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
        Map<String, HotlineType> types = new LinkedHashMap<>();
        for (String[] r : typeRows) {
            require(r, 4, "hotline-types.csv");
            types.put(r[0], new HotlineType(r[0], r[1], r[2], TimeLimit.parse(r[3])));
        }
        Map<String, Map<String, String>> over = new LinkedHashMap<>();
        for (String[] r : overrideRows) {
            require(r, 3, "routing-overrides.csv");
            over.computeIfAbsent(r[0], k -> new LinkedHashMap<>()).put(r[1], r[2]);
        }
        return new State(cats, types, over, List.copyOf(overrideRows));
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
        return List.copyOf(state.categories().values());
    }

    Optional<Category> category(String code) {
        return Optional.ofNullable(code == null ? null : state.categories().get(code));
    }

    List<HotlineType> hotlineTypes() {
        return List.copyOf(state.hotlineTypes().values());
    }

    Optional<HotlineType> hotlineType(String code) {
        return Optional.ofNullable(code == null ? null : state.hotlineTypes().get(code));
    }

    @Override
    public CatalogueDefinition current() {
        State s = state;
        return new CatalogueDefinition(
                s.categories().values().stream().map(c -> new CatalogueDefinition.Category(c.code(), c.kind(), c.major(),
                        c.majorName(), c.majorNameEn(), c.name(), c.nameEn(), c.department(), c.dispatch().toString(),
                        c.handle().toString(), c.verify().toString())).toList(),
                s.hotlineTypes().values().stream().map(t -> new CatalogueDefinition.HotlineType(t.code(), t.name(),
                        t.nameEn(), t.handle().toString())).toList(),
                s.overrideRows().stream().map(r -> new CatalogueDefinition.RoutingOverride(r[0], r[1], r[2])).toList());
    }

    /**
     * {@inheritDoc}
     *
     * <p>The three files are written to temporary files first and moved into place only when all
     * three are written; the catalogue in memory is swapped last.
     */
    @Override
    public void load(CatalogueDefinition catalogue) {
        List<String[]> categoryRows = catalogue.categories().stream().map(c -> new String[] {c.code(), c.kind(),
                c.major(), c.majorName(), c.majorNameEn(), c.name(), c.nameEn(), c.department(), c.dispatch(),
                c.handle(), c.verify()}).toList();
        List<String[]> typeRows = catalogue.hotlineTypes().stream()
                .map(t -> new String[] {t.code(), t.name(), t.nameEn(), t.handle()}).toList();
        List<String[]> overrideRows = catalogue.routingOverrides().stream()
                .map(o -> new String[] {o.district(), o.categoryPrefix(), o.department()}).toList();
        State next = build(categoryRows, typeRows, overrideRows);
        if (data != null) {
            write(data.resolve("cases"), List.of(
                    csv(CATEGORIES_HEADER, categoryRows), csv(TYPES_HEADER, typeRows), csv(OVERRIDES_HEADER, overrideRows)));
        }
        state = next;
    }

    private static final String CATEGORIES_HEADER = """
            # Case categories (written by ./megacity model import; see docs/cases.md). Time limits in working
            # time: 30m, 2h (working hours), 1d (working days). No commas inside fields.
            code,kind,major,major_name,major_name_en,name,name_en,department,dispatch,handle,verify
            """;
    private static final String TYPES_HEADER = """
            # 12345 hotline request types and the time to answer them (written by ./megacity model import).
            code,name,name_en,handle
            """;
    private static final String OVERRIDES_HEADER = """
            # Routing overrides per district (written by ./megacity model import): the most specific prefix wins.
            district,category_prefix,department
            """;

    private static String csv(String header, List<String[]> rows) {
        StringBuilder out = new StringBuilder(header);
        for (String[] r : rows) {
            out.append(String.join(",", r)).append('\n');
        }
        return out.toString();
    }

    private static void write(Path dir, List<String> contents) {
        try {
            Files.createDirectories(dir);
            List<Path> temps = new ArrayList<>();
            try {
                for (String content : contents) {
                    Path temp = Files.createTempFile(dir, ".catalogue", ".tmp");
                    temps.add(temp);
                    Files.writeString(temp, content, StandardCharsets.UTF_8);
                }
                for (int i = 0; i < FILES.length; i++) {
                    Files.move(temps.get(i), dir.resolve(FILES[i]), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                }
            } finally {
                for (Path t : temps) {
                    Files.deleteIfExists(t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the case catalogue into " + dir, e);
        }
    }

    /** The department for a category in a district: the longest matching override, else the default. */
    String department(Category category, String districtCode) {
        Map<String, String> own = state.overrides().get(districtCode);
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
