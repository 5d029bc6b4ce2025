package org.noticesearch.config;

import java.util.List;

/**
 * One issuing office: listed in {@code index-config/issuers.tsv}, or made by {@link IssuerDirectory#resolve} from a place
 * and an office name. {@code province} is 全国 for national bodies and null where the name does not say;
 * {@code subunit} is the internal 处/科 a name was written with (科教处 of 北京市卫生健康委员会), else "".
 */
public record Issuer(String canonical, List<String> aliases, String province, String level, List<String> agencyPrefixes,
                     String kind, String subunit) {
    /** Levels, from the widest. */
    public static final List<String> LEVELS = List.of("national", "province", "city", "county", "other");
    /** Kinds of office; issuer-kinds.tsv documents each. */
    public static final List<String> KINDS = List.of("government", "party", "general-office", "department", "people-org",
            "congress", "judicial", "cppcc", "military", "other");
    /** The province value of national bodies. */
    public static final String NATIONWIDE = "全国";

    public Issuer {
        aliases = List.copyOf(aliases);
        agencyPrefixes = List.copyOf(agencyPrefixes);
        kind = kind == null ? "other" : kind;
        subunit = subunit == null ? "" : subunit;
    }

    /** The record as it was before kinds: kind {@code other}, no subunit. */
    public Issuer(String canonical, List<String> aliases, String province, String level, List<String> agencyPrefixes) {
        this(canonical, aliases, province, level, agencyPrefixes, "other", "");
    }

    /** Whether the office is known to be national or to lie in a province. */
    public boolean placed() {
        return level.equals("national") || province != null && !province.isEmpty();
    }
}
