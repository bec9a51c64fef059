package org.megacity.cases;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A whole case catalogue as a value.
 *
 * @param categories       the categories, codes unique
 * @param hotlineTypes     the 12345 request types, codes unique
 * @param routingOverrides per district, the department for categories whose code starts with a prefix
 */
public record CatalogueDefinition(List<Category> categories, List<HotlineType> hotlineTypes,
        List<RoutingOverride> routingOverrides) {

    private static final Pattern CATEGORY_CODE = Pattern.compile("[CE]\\d{4}");
    private static final Pattern LIMIT = Pattern.compile("[1-9]\\d{0,5}[mhd]");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public CatalogueDefinition {
        categories = List.copyOf(categories);
        hotlineTypes = List.copyOf(hotlineTypes);
        routingOverrides = List.copyOf(routingOverrides);
        Set<String> codes = new HashSet<>();
        for (Category c : categories) {
            if (!codes.add(c.code())) {
                throw new IllegalArgumentException("category " + c.code() + " appears twice");
            }
        }
        Set<String> types = new HashSet<>();
        for (HotlineType t : hotlineTypes) {
            if (!types.add(t.code())) {
                throw new IllegalArgumentException("hotline type " + t.code() + " appears twice");
            }
        }
        Set<String> keys = new HashSet<>();
        for (RoutingOverride o : routingOverrides) {
            if (!keys.add(o.district() + "/" + o.categoryPrefix())) {
                throw new IllegalArgumentException("district " + o.district() + " overrides prefix " + o.categoryPrefix()
                        + " twice");
            }
        }
    }

    /**
     * A case category.
     *
     * @param code       {@code C} (component, 部件) or {@code E} (event, 事件) + 2-digit major + 2-digit minor class
     * @param kind       {@code component} or {@code event}, agreeing with the code's letter
     * @param major      the code's 2-digit major class
     * @param department the code of the department that handles it by default
     * @param dispatch   time to dispatch, in working time: {@code 30m}, {@code 2h} (working hours), {@code 1d} (working days)
     * @param handle     time to handle, same form
     * @param verify     time to verify, same form
     */
    public record Category(String code, String kind, String major, String majorName, String majorNameEn, String name,
            String nameEn, String department, String dispatch, String handle, String verify) {

        public Category {
            if (code == null || !CATEGORY_CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("category code '" + code + "' is not C or E and 4 digits");
            }
            if (!("component".equals(kind) && code.charAt(0) == 'C') && !("event".equals(kind) && code.charAt(0) == 'E')) {
                throw new IllegalArgumentException("category " + code + ": kind must be "
                        + (code.charAt(0) == 'C' ? "component" : "event") + ", not '" + kind + "'");
            }
            if (!code.substring(1, 3).equals(major)) {
                throw new IllegalArgumentException("category " + code + ": major must be " + code.substring(1, 3)
                        + ", not '" + major + "'");
            }
            text("category " + code, "majorName", majorName);
            text("category " + code, "majorNameEn", majorNameEn);
            text("category " + code, "name", name);
            text("category " + code, "nameEn", nameEn);
            slug("category " + code, "department", department);
            limit("category " + code, "dispatch", dispatch);
            limit("category " + code, "handle", handle);
            limit("category " + code, "verify", verify);
        }
    }

    /** A 12345 request type with its time to answer ({@code 2d}, {@code 2h} …). */
    public record HotlineType(String code, String name, String nameEn, String handle) {

        public HotlineType {
            slug("hotline type", "code", code);
            text("hotline type " + code, "name", name);
            text("hotline type " + code, "nameEn", nameEn);
            limit("hotline type " + code, "handle", handle);
        }
    }

    /**
     * In {@code district}, categories whose code starts with {@code categoryPrefix} go to
     * {@code department} (the longest matching prefix wins).
     */
    public record RoutingOverride(String district, String categoryPrefix, String department) {

        public RoutingOverride {
            if (district == null || !district.matches("\\d{6}")) {
                throw new IllegalArgumentException("routing override: district '" + district + "' is not a 6-digit code");
            }
            if (categoryPrefix == null || !categoryPrefix.matches("[CE]\\d{0,4}")) {
                throw new IllegalArgumentException("routing override: category prefix '" + categoryPrefix
                        + "' is not C or E and up to 4 digits");
            }
            slug("routing override", "department", department);
        }
    }

    /** Whether a time limit reads like {@code 30m}, {@code 5h} or {@code 1d}. */
    public static boolean isTimeLimit(String text) {
        return text != null && LIMIT.matcher(text).matches();
    }

    private static void limit(String what, String field, String value) {
        if (!isTimeLimit(value)) {
            throw new IllegalArgumentException(what + ": " + field + " '" + value
                    + "' is not a time limit like 30m, 5h or 1d");
        }
    }

    private static void slug(String what, String field, String value) {
        if (value == null || !SLUG.matcher(value).matches()) {
            throw new IllegalArgumentException(what + ": " + field + " '" + value
                    + "' is not a code of lower-case letters, digits and hyphens");
        }
    }

    /** Names go into CSV cells: no commas, no line breaks, at most 200 characters. */
    private static void text(String what, String field, String value) {
        if (value == null || value.isBlank() || value.length() > 200 || value.contains(",") || value.contains("\n")
                || value.contains("\r") || !value.equals(value.strip())) {
            throw new IllegalArgumentException(what + ": " + field + " must be 1 to 200 characters without commas,"
                    + " line breaks or surrounding spaces");
        }
    }
}
