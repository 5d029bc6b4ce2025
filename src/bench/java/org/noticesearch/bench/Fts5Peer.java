package org.noticesearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.noticesearch.index.NoticeDocuments;
import org.noticesearch.ingest.Citation;
import org.noticesearch.ingest.Notice;
import org.noticesearch.search.Snippets;

/**
 * The peer: SQLite FTS5 with the trigram tokenizer over the same parsed notices (title, and every other line as
 * {@link Notice#searchableText()} gives it),
 * ranked by bm25() with the title weighted as our title boost, with snippet(). Text is stored in our
 * matching form (each paragraph normalised as {@link Snippets#normalize}: letters, digits and
 * ideographs only, width and case folded; paragraphs separated by a newline), so that a trigram
 * substring match is the same test as our gram fields' and the hit counts can be compared.
 * Metadata (issuer, dates, type, document numbers, citations, campaigns) is in plain indexed tables.
 */
final class Fts5Peer implements AutoCloseable {
    /** Counting stops here, as ours does at search.totalHitsThreshold. */
    private final int countLimit;
    private final Connection db;
    private final Path file;

    private Fts5Peer(Connection db, Path file, int countLimit) {
        this.db = db;
        this.file = file;
        this.countLimit = countLimit;
    }

    static Fts5Peer create(Path file, int countLimit) throws IOException, SQLException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-journal"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=OFF");
            s.execute("PRAGMA synchronous=OFF");
            s.execute("CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize='trigram')");
            s.execute("CREATE TABLE meta(id INTEGER PRIMARY KEY, issuer TEXT, province TEXT, year INT, date INT, sort_date INT, type TEXT, docnum TEXT)");
            s.execute("CREATE TABLE cites(id INT, docnum TEXT)");
            s.execute("CREATE TABLE camp(id INT, campaign TEXT)");
        }
        return new Fts5Peer(c, file, countLimit);
    }

    /** Our matching form of a text: each line normalised, lines joined by newlines. */
    static String matchingForm(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(Snippets.normalize(line));
        }
        return sb.toString();
    }

    /** Loads every notice in one transaction, then indexes the metadata and optimizes the FTS index. */
    void load(List<Notice> notices) throws SQLException {
        db.setAutoCommit(false);
        try (PreparedStatement f = db.prepareStatement("INSERT INTO fts(rowid, title, body) VALUES (?,?,?)");
             PreparedStatement m = db.prepareStatement("INSERT INTO meta VALUES (?,?,?,?,?,?,?,?)");
             PreparedStatement ci = db.prepareStatement("INSERT INTO cites VALUES (?,?)");
             PreparedStatement ca = db.prepareStatement("INSERT INTO camp VALUES (?,?)")) {
            for (int i = 0; i < notices.size(); i++) {
                Notice n = notices.get(i);
                long id = i + 1;
                f.setLong(1, id);
                f.setString(2, matchingForm(n.title()));
                f.setString(3, matchingForm(n.searchableText()));
                f.executeUpdate();
                m.setLong(1, id);
                m.setString(2, n.issuer());
                m.setString(3, n.province());
                setInt(m, 4, n.year());
                Integer date = n.date() == null ? null : NoticeDocuments.ymd(n.date());
                setInt(m, 5, date);
                setInt(m, 6, date != null ? date : n.year() != null ? n.year() * 10000 : null);
                m.setString(7, n.type());
                m.setString(8, n.docNumber());
                m.executeUpdate();
                Set<String> cited = new LinkedHashSet<>();
                for (Citation c : n.citations()) {
                    if (c.docNumber() != null) {
                        cited.add(c.docNumber());
                    }
                }
                for (String c : cited) {
                    ci.setLong(1, id);
                    ci.setString(2, c);
                    ci.executeUpdate();
                }
                for (String c : n.campaigns()) {
                    ca.setLong(1, id);
                    ca.setString(2, c);
                    ca.executeUpdate();
                }
            }
        }
        try (Statement s = db.createStatement()) {
            s.execute("CREATE INDEX meta_issuer ON meta(issuer)");
            s.execute("CREATE INDEX meta_date ON meta(sort_date)");
            s.execute("CREATE INDEX meta_docnum ON meta(docnum)");
            s.execute("CREATE INDEX cites_docnum ON cites(docnum)");
            s.execute("CREATE INDEX camp_id ON camp(id)");
            s.execute("INSERT INTO fts(fts) VALUES('optimize')");
        }
        db.commit();
        db.setAutoCommit(true);
    }

    private static void setInt(PreparedStatement p, int i, Integer v) throws SQLException {
        if (v == null) {
            p.setNull(i, java.sql.Types.INTEGER);
        } else {
            p.setInt(i, v);
        }
    }

    long sizeBytes() throws IOException {
        return Files.size(file);
    }

    /** A query in the peer's terms: text terms (ANDed), filters, order and page size. */
    record Query(List<String> terms, String issuer, Integer fromYmd, Integer toYmd, Integer fromYear, Integer toYear,
                 boolean newestFirst, String docNumber, boolean facets, int size, boolean titleOnly) {
        Query(List<String> terms, String issuer, Integer fromYmd, Integer toYmd, Integer fromYear, Integer toYear,
              boolean newestFirst, String docNumber, boolean facets, int size) {
            this(terms, issuer, fromYmd, toYmd, fromYear, toYear, newestFirst, docNumber, facets, size, false);
        }
    }

    /** What one search returned: the total (capped at the count limit) and the page of rows. */
    record Answer(long total, List<String> rows) {}

    /**
     * The WHERE clause and its parameters; text terms of 3+ characters use MATCH, shorter ones LIKE; with
     * {@code titleOnly} both look at the title column alone (our scope=title).
     */
    private record Where(String sql, List<Object> params, String match) {}

    private static Where where(Query q) {
        List<String> conds = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        List<String> likes = new ArrayList<>();
        for (String t : q.terms()) {
            String norm = Snippets.normalize(t);
            if (norm.codePointCount(0, norm.length()) >= 3) {
                phrases.add("\"" + norm.replace("\"", "\"\"") + "\"");
            } else {
                likes.add(norm);
            }
        }
        String match = phrases.isEmpty() ? null : String.join(" AND ", phrases);
        if (match != null && q.titleOnly()) {
            match = "{title} : (" + match + ")";
        }
        // With MATCH, a rowid constraint must not drive the plan (FTS5 cannot then evaluate MATCH): unary + stops that.
        String rowid = match == null ? "fts.rowid" : "+fts.rowid";
        String col = match == null ? "fts." : "+fts.";
        for (String like : likes) {
            if (q.titleOnly()) {
                conds.add(col + "title LIKE ?");
            } else {
                conds.add("(" + col + "title LIKE ? OR " + col + "body LIKE ?)");
                params.add("%" + like + "%");
            }
            params.add("%" + like + "%");
        }
        if (match != null) {
            conds.add(0, "fts MATCH ?");
            params.add(0, match);
        }
        if (q.issuer() != null) {
            conds.add(rowid + " IN (SELECT id FROM meta WHERE issuer = ?)");
            params.add(q.issuer());
        }
        if (q.fromYmd() != null || q.toYmd() != null) {
            conds.add(rowid + " IN (SELECT id FROM meta WHERE (date BETWEEN ? AND ?) OR (date IS NULL AND year BETWEEN ? AND ?))");
            params.add(q.fromYmd() == null ? Integer.MIN_VALUE : q.fromYmd());
            params.add(q.toYmd() == null ? Integer.MAX_VALUE : q.toYmd());
            params.add(q.fromYear() == null ? Integer.MIN_VALUE : q.fromYear());
            params.add(q.toYear() == null ? Integer.MAX_VALUE : q.toYear());
        }
        if (q.docNumber() != null) {
            conds.add(rowid + " IN (SELECT id FROM meta WHERE docnum = ? UNION SELECT id FROM cites WHERE docnum = ?)");
            params.add(q.docNumber());
            params.add(q.docNumber());
        }
        return new Where(conds.isEmpty() ? "1" : String.join(" AND ", conds), params, match);
    }

    /** Runs a search the way a results page needs it: the count (capped), the top rows with snippets, facets if asked. */
    Answer search(Query q) throws SQLException {
        Where w = where(q);
        long total;
        try (PreparedStatement p = db.prepareStatement("SELECT count(*) FROM (SELECT 1 FROM fts WHERE " + w.sql() + " LIMIT " + countLimit + ")")) {
            bind(p, w.params());
            try (ResultSet rs = p.executeQuery()) {
                total = rs.next() ? rs.getLong(1) : 0;
            }
        }
        String order;
        if (q.newestFirst()) {
            order = " ORDER BY (SELECT sort_date FROM meta WHERE id = fts.rowid) DESC";
        } else if (w.match() != null) {
            order = " ORDER BY bm25(fts, 4.0, 1.0)";
        } else {
            order = ""; // LIKE only: no bm25 without MATCH; index order, as ours does for an empty query
        }
        String snippet = w.match() != null
                ? "snippet(fts, " + (q.titleOnly() ? 0 : 1) + ", '<mark>', '</mark>', '…', 64)"
                : "substr(fts.body, 1, 100)";
        List<String> rows = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("SELECT fts.rowid, fts.title, " + snippet + " FROM fts WHERE " + w.sql()
                + order + " LIMIT " + q.size())) {
            bind(p, w.params());
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getLong(1) + "\t" + rs.getString(2) + "\t" + rs.getString(3));
                }
            }
        }
        if (q.facets()) {
            String ids = "SELECT fts.rowid FROM fts WHERE " + w.sql();
            for (String col : List.of("issuer", "province", "year", "type")) {
                facet("SELECT " + col + ", count(*) c FROM meta WHERE id IN (" + ids + ") GROUP BY " + col + " ORDER BY c DESC LIMIT 20", w.params());
            }
            facet("SELECT campaign, count(*) c FROM camp WHERE id IN (" + ids + ") GROUP BY campaign ORDER BY c DESC LIMIT 20", w.params());
        }
        return new Answer(total, rows);
    }

    private void facet(String sql, List<Object> params) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(sql)) {
            bind(p, params);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                }
            }
        }
    }

    /** The exact number of matching notices, uncapped: for comparing hit counts. */
    long count(Query q) throws SQLException {
        Where w = where(q);
        try (PreparedStatement p = db.prepareStatement("SELECT count(*) FROM fts WHERE " + w.sql())) {
            bind(p, w.params());
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static void bind(PreparedStatement p, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object o = params.get(i);
            if (o instanceof Integer n) {
                p.setInt(i + 1, n);
            } else {
                p.setString(i + 1, (String) o);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
