package org.noticesearch.config;

import java.util.List;

/** One issuing office from {@code index-config/issuers.tsv}. */
public record Issuer(String canonical, List<String> aliases, String province, String level, List<String> agencyPrefixes) {
    public Issuer {
        aliases = List.copyOf(aliases);
        agencyPrefixes = List.copyOf(agencyPrefixes);
    }
}
