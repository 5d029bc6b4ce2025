package org.noticesearch.ingest.formats;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.OldWordFileFormatException;
import org.apache.poi.hwpf.extractor.Word6Extractor;
import org.apache.poi.hwpf.usermodel.HeaderStories;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.noticesearch.ingest.FailureKind;
import org.noticesearch.ingest.NoticeParseException;

/**
 * Reads Word 97-2003 documents (.doc, and .wps files, which WPS Office writes in the same OLE2 format) with Apache
 * POI's HWPF: the main text only (page headers and footers live in another story), table rows flattened to one line.
 * Word 6/95 files are read as plain paragraphs; an OLE2 file with no Word stream (Microsoft Works, old WPS) is
 * reported, not guessed at.
 */
final class WordReader implements FormatReader {

    @Override
    public Extraction read(String source, byte[] bytes) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
                throw new NoticeParseException(source, FailureKind.CORRUPT, "the document is encrypted (password-protected) and cannot be read");
            }
            if (!root.hasEntry("WordDocument")) {
                String what = root.hasEntry("MatOST") || root.hasEntry("CONTENTS")
                        ? "a Microsoft Works or older WPS document, not in the Word format"
                        : root.hasEntry("Workbook") || root.hasEntry("Book") ? "an Excel workbook"
                        : root.hasEntry("PowerPoint Document") ? "a PowerPoint presentation"
                        : "an OLE2 file without a Word document stream";
                throw new NoticeParseException(source, what + "; it cannot be read (save it as .docx or .doc)");
            }
            HWPFDocument doc;
            try {
                doc = new HWPFDocument(root);
            } catch (OldWordFileFormatException e) {
                try (Word6Extractor old = new Word6Extractor(root)) {
                    return Extraction.of(clean(old.getText()));
                }
            }
            try (doc) {
                StringBuilder out = new StringBuilder();
                Range range = doc.getRange();
                List<String> cells = new ArrayList<>();
                StringBuilder cell = new StringBuilder();
                for (int i = 0; i < range.numParagraphs(); i++) {
                    Paragraph p = range.getParagraph(i);
                    String raw = p.text();
                    if (p.isInTable()) {
                        if (p.isTableRowEnd()) {
                            flushRow(out, cells, cell);
                            continue;
                        }
                        String t = clean(raw).strip();
                        if (!t.isEmpty()) {
                            if (cell.length() > 0) {
                                cell.append(' ');
                            }
                            cell.append(t.replace('\n', ' '));
                        }
                        if (raw.endsWith("\u0007")) {
                            if (cell.length() > 0) {
                                cells.add(cell.toString());
                            }
                            cell.setLength(0);
                        }
                        continue;
                    }
                    flushRow(out, cells, cell);
                    out.append(clean(raw)).append('\n');
                }
                flushRow(out, cells, cell);
                return new Extraction(out.toString(), null, null, List.of(), furniture(doc));
            }
        }
    }

    private static void flushRow(StringBuilder out, List<String> cells, StringBuilder cell) {
        if (cell.length() > 0) {
            cells.add(cell.toString());
            cell.setLength(0);
        }
        if (!cells.isEmpty()) {
            out.append(String.join(DocxReader.CELL_GAP, cells)).append('\n');
            cells.clear();
        }
    }

    private static List<String> furniture(HWPFDocument doc) {
        List<String> out = new ArrayList<>();
        try {
            HeaderStories hs = new HeaderStories(doc);
            for (String s : new String[]{hs.getFirstHeader(), hs.getOddHeader(), hs.getEvenHeader(), hs.getFirstFooter(),
                    hs.getOddFooter(), hs.getEvenFooter()}) {
                if (s != null && !clean(s).isBlank()) {
                    out.add(clean(s).strip());
                }
            }
        } catch (RuntimeException e) {
            // Headers are only kept for reference; a damaged header story must not lose the body.
        }
        return out;
    }

    /** Word's control characters as text: fields keep their result, breaks become line ends, marks go. */
    static String clean(String s) {
        String t = Range.stripFields(s);
        StringBuilder b = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            switch (c) {
                case '\r', '\u000b', '\u000c', '\u000e' -> b.append('\n');
                case '\u001e' -> b.append('-');
                case '\u0007', '\u0001', '\u0008', '\u001f', '\u0013', '\u0014', '\u0015', '\u0005', '\u0002' -> { }
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
