package org.noticesearch.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.noticesearch.ingest.CorpusWalker;
import org.noticesearch.ingest.Notice;
import org.noticesearch.search.NotFoundException;
import org.noticesearch.search.SearchBackend;

/**
 * {@code GET /api/notices/{id}/original}: the notice's source file as it lies in the corpus folder. The file is found
 * only through the {@code source} path the index stored for the id, and only under the corpus root
 * ({@link CorpusWalker#resolveSource}); a name or link leading outside it is answered like a missing file.
 */
final class OriginalFiles {
    /** Content types by extension; anything else is offered as a download of bytes. */
    static final Map<String, String> TYPES = Map.of(
            "txt", "text/plain",
            "pdf", "application/pdf",
            "html", "text/html",
            "htm", "text/html",
            "doc", "application/msword",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "wps", "application/vnd.ms-works",
            "ofd", "application/ofd");
    /** Shown in the browser (with {@code ?download} saved instead); HTML never, as it could run script on this origin. */
    static final java.util.Set<String> INLINE = java.util.Set.of("txt", "pdf");
    /** Even a file shown inline may load, run or embed nothing. */
    static final String SANDBOX_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";


    private final SearchBackend searcher;
    /** The corpus folder, or null when this server was started without one (then every original is 404). */
    private final Path corpus;

    OriginalFiles(SearchBackend searcher, Path corpus) {
        this.searcher = searcher;
        this.corpus = corpus;
    }

    void original(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        Notice n;
        try {
            n = searcher.record(id);
        } catch (NotFoundException e) {
            throw new NotFoundException("找不到编号为“" + id + "”的公文（no notice with this id）");
        }
        Optional<Path> file = corpus == null ? Optional.empty() : CorpusWalker.resolveSource(corpus, n.source());
        if (file.isEmpty()) {
            throw gone(n);
        }
        String name = fileName(n.source());
        String ext = extension(name);
        String type = TYPES.getOrDefault(ext, "application/octet-stream");
        if (type.startsWith("text/")) {
            type += "; charset=" + charset(n.encoding());
        }
        boolean inline = INLINE.contains(ext) && ctx.queryParam("download") == null;
        ctx.header("Content-Disposition", disposition(inline ? "inline" : "attachment", name));
        // Not on a PDF shown inline: Chromium refuses to run its PDF viewer in a sandboxed document ("This page has been
        // blocked"), and the type is forced (nosniff), so those bytes are only ever shown as a PDF.
        if (!(inline && ext.equals("pdf"))) {
            ctx.header("Content-Security-Policy", SANDBOX_CSP);
        }
        // No Content-Length: Javalin may compress the answer, and then the file's size would be wrong.
        ctx.contentType(type);
        InputStream in;
        try {
            in = Files.newInputStream(file.get());
        } catch (IOException e) {
            throw gone(n); // removed or made unreadable since it was resolved
        }
        ctx.result(in); // Javalin streams it and closes it
    }

    private static NotFoundException gone(Notice n) {
        return new NotFoundException("这份公文的原件已不在语料库中（the source file " + n.source() + " is gone）");
    }

    /** {@code inline; filename="ascii"; filename*=UTF-8''percent-encoded} (RFC 6266 with an RFC 5987 name). */
    static String disposition(String kind, String name) {
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
        return ContentDisposition.of(kind, name, ascii.toString());
    }

    private static String fileName(String source) {
        int slash = source.lastIndexOf('/');
        return slash < 0 ? source : source.substring(slash + 1);
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The charset the file was read with when the parser recorded a known one, else UTF-8. */
    private static String charset(String encoding) {
        try {
            return encoding != null && Charset.isSupported(encoding) ? Charset.forName(encoding).name() : "UTF-8";
        } catch (IllegalArgumentException e) {
            return "UTF-8";
        }
    }
}
