package org.noticesearch.search;

import java.util.List;

/**
 * One hit: display metadata, the title and snippets with the matches marked: escaped HTML with {@code <mark>} for the
 * API ({@link Snippets.Markup#HTML}), plain text with the terminal's marks for the CLI. Links are the web layer's to add.
 */
public record SearchHit(String id, String title, String titleHtml, String issuer, String docNumber, String date,
                        Integer year, String type, List<String> snippets) {}
