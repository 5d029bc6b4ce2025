package org.noticesearch.search;

/** A completion for the search box: the text to search and where it comes from (campaign, issuer, docNumber, title). */
public record Suggestion(String text, String kind) {}
