package org.noticesearch.ingest;

/** A document the body cites: 《title》 and/or （docNumber）; either may be null but not both. */
public record Citation(String title, String docNumber) {}
