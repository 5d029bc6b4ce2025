package org.noticesearch.ingest.formats;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.noticesearch.ingest.FailureKind;
import org.noticesearch.ingest.NoticeParseException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads OFD (GB/T 33190-2016), a zip of XML files, with the JDK's zip and XML parsers: OFD.xml names the document,
 * whose Document.xml lists the pages; each page's text objects are placed by their boundaries and glyph offsets,
 * grouped into lines by baseline and read top to bottom, left to right. Template pages (running headers, page
 * numbers) and annotations (seals) are not part of the text.
 *
 * <p>Why not ofdrw: its reader brings BouncyCastle's end-of-life jdk15on line (for signatures we do not check),
 * dom4j, jaxen and zip4j, some 8 MB, and still leaves the ordering of text objects into lines to the caller.
 */
final class OfdReader implements FormatReader {
    /** Zip-bomb guards: no entry and no package expands past these. */
    static final long MAX_ENTRY_BYTES = 64L << 20;
    static final long MAX_TOTAL_BYTES = 256L << 20;

    @Override
    public Extraction read(String source, byte[] bytes) throws Exception {
        Map<String, byte[]> files = unzip(source, bytes);
        byte[] ofdXml = files.get("ofd.xml");
        if (ofdXml == null) {
            throw new NoticeParseException(source, FailureKind.UNSUPPORTED_FORMAT, "a zip file but not an OFD document: it has no OFD.xml");
        }
        if (files.keySet().stream().anyMatch(k -> k.endsWith("encryptions.xml"))) {
            throw new NoticeParseException(source, FailureKind.CORRUPT, "the OFD document is encrypted and cannot be read");
        }
        DocumentBuilder xml = xmlParser();
        Element ofd = parse(source, xml, "OFD.xml", ofdXml);
        String docRoot = firstText(ofd, "DocRoot");
        if (docRoot == null) {
            throw new NoticeParseException(source, FailureKind.CORRUPT, "OFD.xml names no document (DocBody/DocRoot missing)");
        }
        String docPath = resolve("", docRoot);
        byte[] docXml = files.get(docPath.toLowerCase(java.util.Locale.ROOT));
        if (docXml == null) {
            throw new NoticeParseException(source, FailureKind.CORRUPT, "the OFD package lacks its document " + docRoot + " (truncated?)");
        }
        Element document = parse(source, xml, docPath, docXml);
        String docDir = parentOf(docPath);
        List<List<String>> pages = new ArrayList<>();
        List<Element> pageRefs = descendants(document, "Page");
        if (pageRefs.isEmpty()) {
            throw new NoticeParseException(source, FailureKind.CORRUPT, "the OFD document has no pages");
        }
        for (Element ref : pageRefs) {
            String loc = ref.getAttribute("BaseLoc");
            if (loc.isEmpty()) {
                continue;
            }
            byte[] content = files.get(resolve(docDir, loc).toLowerCase(java.util.Locale.ROOT));
            if (content == null) {
                // Some writers give the location from the package root rather than from Document.xml.
                content = files.get(resolve("", loc).toLowerCase(java.util.Locale.ROOT));
            }
            if (content == null) {
                throw new NoticeParseException(source, FailureKind.CORRUPT, "the OFD package lacks page " + loc + " (truncated?)");
            }
            pages.add(lines(texts(parse(source, xml, loc, content))));
        }
        PageLines.Result joined = PageLines.join(pages);
        if (joined.text().isBlank()) {
            throw new NoticeParseException(source, FailureKind.NOT_A_NOTICE, "the OFD document has no text objects (a scanned image only?)");
        }
        return new Extraction(joined.text(), null, null, List.of(), joined.furniture());
    }

    private static Map<String, byte[]> unzip(String source, byte[] bytes) throws NoticeParseException, IOException {
        Map<String, byte[]> out = new HashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (e.isDirectory()) {
                    continue;
                }
                byte[] b = readAtMost(zip, MAX_ENTRY_BYTES);
                if (b == null) {
                    throw new NoticeParseException(source, FailureKind.TOO_LARGE, "the OFD entry " + e.getName() + " expands past " + (MAX_ENTRY_BYTES >> 20)
                            + " MB (a zip bomb or corrupt)");
                }
                total += b.length;
                if (total > MAX_TOTAL_BYTES) {
                    throw new NoticeParseException(source, FailureKind.TOO_LARGE, "the OFD package expands past " + (MAX_TOTAL_BYTES >> 20) + " MB");
                }
                out.put(normalise(e.getName()), b);
            }
        } catch (ZipException e) {
            String m = String.valueOf(e.getMessage());
            throw new NoticeParseException(source, m.contains("encrypt") ? "the OFD package is encrypted and cannot be read"
                    : "the OFD package (zip) is corrupt or truncated (" + m + ")");
        } catch (java.io.EOFException e) {
            throw new NoticeParseException(source, FailureKind.CORRUPT, "the OFD package (zip) is truncated");
        }
        if (out.isEmpty()) {
            throw new NoticeParseException(source, FailureKind.CORRUPT, "the OFD package (zip) is empty, corrupt or truncated");
        }
        return out;
    }

    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long n = 0;
        int r;
        while ((r = in.read(buf)) > 0) {
            n += r;
            if (n > max) {
                return null;
            }
            b.write(buf, 0, r);
        }
        return b.toByteArray();
    }

    private static String normalise(String name) {
        String n = name.replace('\\', '/');
        while (n.startsWith("/")) {
            n = n.substring(1);
        }
        return n.toLowerCase(java.util.Locale.ROOT);
    }

    /** An ST_Loc: absolute from the package root when it starts with "/", else relative to {@code dir}. */
    static String resolve(String dir, String loc) {
        String l = loc.strip().replace('\\', '/');
        List<String> parts = new ArrayList<>();
        if (!l.startsWith("/") && !dir.isEmpty()) {
            parts.addAll(List.of(dir.split("/")));
        }
        for (String p : l.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else {
                parts.add(p);
            }
        }
        return String.join("/", parts);
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static DocumentBuilder xmlParser() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        // No DTDs, no external entities: an OFD is untrusted input.
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder();
    }

    private static Element parse(String source, DocumentBuilder xml, String name, byte[] b) throws NoticeParseException, IOException {
        try {
            xml.setErrorHandler(null);
            Document d = xml.parse(new ByteArrayInputStream(b));
            return d.getDocumentElement();
        } catch (SAXException e) {
            throw new NoticeParseException(source, FailureKind.CORRUPT, "the OFD part " + name + " is not well-formed XML (corrupt?): "
                    + FormatReaders.oneLine(String.valueOf(e.getMessage())));
        }
    }

    private static List<Element> descendants(Element root, String localName) {
        List<Element> out = new ArrayList<>();
        collect(root, localName, out);
        return out;
    }

    private static void collect(Node n, String localName, List<Element> out) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                if (localName.equals(local(e))) {
                    out.add(e);
                }
                // Pages sit under Pages; templates, resources and annotations are not text of the page.
                if (!local(e).equals("TemplatePage")) {
                    collect(e, localName, out);
                }
            }
        }
    }

    private static String local(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName().replaceFirst("^.*:", "");
    }

    private static String firstText(Element root, String localName) {
        List<Element> l = descendants(root, localName);
        return l.isEmpty() ? null : l.get(0).getTextContent().strip();
    }

    /** A run of text placed on the page: its left edge, baseline, right edge and font size, in millimetres. */
    record Piece(double x, double y, double right, double size, String text) {}

    static List<Piece> texts(Element page) {
        List<Piece> out = new ArrayList<>();
        for (Element to : descendants(page, "TextObject")) {
            double[] box = numbers(to.getAttribute("Boundary"));
            double bx = box.length >= 2 ? box[0] : 0;
            double by = box.length >= 2 ? box[1] : 0;
            double size = parseOr(to.getAttribute("Size"), 3.5);
            double[] ctm = numbers(to.getAttribute("CTM"));
            double sx = ctm.length == 6 ? Math.abs(ctm[0]) : 1;
            double sy = ctm.length == 6 ? Math.abs(ctm[3]) : 1;
            double tx = ctm.length == 6 ? ctm[4] : 0;
            double ty = ctm.length == 6 ? ctm[5] : 0;
            double lastX = 0;
            double lastY = 0;
            for (Element code : descendants(to, "TextCode")) {
                String text = code.getTextContent();
                if (text.isEmpty()) {
                    continue;
                }
                double x = code.hasAttribute("X") ? parseOr(code.getAttribute("X"), lastX) : lastX;
                double y = code.hasAttribute("Y") ? parseOr(code.getAttribute("Y"), lastY) : lastY;
                List<Double> dx = deltas(code.getAttribute("DeltaX"));
                int n = text.codePointCount(0, text.length());
                double width = 0;
                int[] cps = text.codePoints().toArray();
                for (int i = 0; i < n - 1; i++) {
                    width += i < dx.size() ? dx.get(i) : (dx.isEmpty() ? advance(cps[i], size) : dx.get(dx.size() - 1));
                }
                width += advance(cps[n - 1], size);
                double ax = bx + tx + x * sx;
                double ay = by + ty + y * sy;
                out.add(new Piece(ax, ay, ax + width * sx, size * sy, text));
                lastX = x + width;
                lastY = y;
            }
        }
        return out;
    }

    private static double advance(int cp, double size) {
        return cp < 0x2E80 ? size * 0.5 : size;
    }

    /** Pieces grouped into lines by baseline, top to bottom; within a line left to right, with a gap kept as two spaces. */
    static List<String> lines(List<Piece> pieces) {
        List<Piece> byY = new ArrayList<>(pieces);
        byY.sort(Comparator.comparingDouble(Piece::y).thenComparingDouble(Piece::x));
        List<List<Piece>> lines = new ArrayList<>();
        List<Piece> current = null;
        double lineY = 0;
        for (Piece p : byY) {
            if (current == null || Math.abs(p.y() - lineY) > Math.max(0.5, p.size() * 0.4)) {
                current = new ArrayList<>();
                lines.add(current);
                lineY = p.y();
            }
            current.add(p);
        }
        List<String> out = new ArrayList<>();
        for (List<Piece> line : lines) {
            line.sort(Comparator.comparingDouble(Piece::x));
            StringBuilder b = new StringBuilder();
            Piece prev = null;
            for (Piece p : line) {
                if (prev != null) {
                    double gap = p.x() - prev.right();
                    if (gap > 1.5 * p.size()) {
                        b.append(DocxReader.CELL_GAP);
                    } else if (gap > 0.25 * p.size() && isAsciiWord(b.charAt(b.length() - 1)) && isAsciiWord(p.text().charAt(0))) {
                        b.append(' ');
                    }
                }
                b.append(p.text());
                prev = p;
            }
            out.add(b.toString());
        }
        return out;
    }

    private static boolean isAsciiWord(char c) {
        return c < 0x80 && Character.isLetterOrDigit(c);
    }

    /** DeltaX / DeltaY: numbers, where "g N V" stands for N copies of V. */
    static List<Double> deltas(String s) {
        List<Double> out = new ArrayList<>();
        if (s == null || s.isBlank()) {
            return out;
        }
        String[] t = s.strip().split("\\s+");
        for (int i = 0; i < t.length; i++) {
            if (t[i].equals("g") && i + 2 < t.length) {
                int n = (int) Math.min(10_000, parseOr(t[i + 1], 0));
                double v = parseOr(t[i + 2], 0);
                for (int k = 0; k < n; k++) {
                    out.add(v);
                }
                i += 2;
            } else {
                out.add(parseOr(t[i], 0));
            }
        }
        return out;
    }

    private static double[] numbers(String s) {
        if (s == null || s.isBlank()) {
            return new double[0];
        }
        String[] t = s.strip().split("[\\s,]+");
        double[] out = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            out[i] = parseOr(t[i], 0);
        }
        return out;
    }

    private static double parseOr(String s, double def) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException | NullPointerException e) {
            return def;
        }
    }
}
