package org.noticesearch.search;

import java.util.List;

/**
 * One hit: display metadata, the title and snippets as escaped HTML with {@code <mark>} around matches. Links to the
 * notice are the web layer's to add.
 */
public record SearchHit(String id, String title, String titleHtml, String issuer, String docNumber, String date,
                        Integer year, String type, List<String> snippets) {}
