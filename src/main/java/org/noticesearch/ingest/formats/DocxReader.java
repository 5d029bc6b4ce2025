package org.noticesearch.ingest.formats;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.noticesearch.ingest.FailureKind;
import org.noticesearch.ingest.NoticeParseException;

/**
 * Reads .docx (Office Open XML) with Apache POI: the body's paragraphs and tables in order, each table row flattened
 * to one line with its cells set apart by two spaces (as the parser expects of header elements sharing a line);
 * page headers and footers are kept apart from the body.
 */
final class DocxReader implements FormatReader {
    /** Cells of a flattened table row are joined with this: a gap the parser reads as a separator. */
    static final String CELL_GAP = "  ";

    @Override
    public Extraction read(String source, byte[] bytes) throws Exception {
        checkParts(source, bytes);
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(new ByteArrayInputStream(bytes));
        } catch (NotOfficeXmlFileException e) {
            throw new NoticeParseException(source, FailureKind.UNSUPPORTED_FORMAT, "a zip file but not a Word document (.docx): " + FormatReaders.oneLine(e.getMessage()));
        }
        try (XWPFDocument doc = open(source, pkg)) {
            StringBuilder out = new StringBuilder();
            for (IBodyElement e : doc.getBodyElements()) {
                append(out, e);
            }
            List<String> furniture = new ArrayList<>();
            for (XWPFHeader h : doc.getHeaderList()) {
                addIfText(furniture, h.getText());
            }
            for (XWPFFooter f : doc.getFooterList()) {
                addIfText(furniture, f.getText());
            }
            return new Extraction(out.toString(), null, null, List.of(), furniture);
        }
    }

    /** A zip that is complete but holds no Word document is named as such, before POI's more cryptic complaint. */
    private static void checkParts(String source, byte[] bytes) throws NoticeParseException {
        boolean word = false;
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(bytes))) {
            java.util.zip.ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                word |= e.getName().matches("/?word/document\\d*\\.xml");
            }
        } catch (java.io.IOException e) {
            throw new NoticeParseException(source, FailureKind.CORRUPT, "the .docx package (zip) is corrupt or truncated (" + FormatReaders.oneLine(String.valueOf(e.getMessage())) + ")");
        }
        if (!word) {
            throw new NoticeParseException(source, FailureKind.UNSUPPORTED_FORMAT, "a zip file but not a Word document: it has no word/document.xml"
                    + " (an .xlsx, .pptx or other package named as a Word file, or truncated?)");
        }
    }

    private static XWPFDocument open(String source, OPCPackage pkg) throws Exception {
        List<PackagePart> main = pkg.getPartsByName(java.util.regex.Pattern.compile("/word/document\\d*\\.xml"));
        if (main.isEmpty()) {
            pkg.revert();
            throw new NoticeParseException(source, FailureKind.UNSUPPORTED_FORMAT, "a zip file but not a Word document: it has no word/document.xml"
                    + " (an .xlsx, .pptx or other package named as a Word file?)");
        }
        return new XWPFDocument(pkg);
    }

    private static void append(StringBuilder out, IBodyElement e) {
        if (e instanceof XWPFParagraph p) {
            out.append(p.getText()).append('\n');
        } else if (e instanceof XWPFTable t) {
            appendTable(out, t);
        } else if (e instanceof XWPFSDT sdt) {
            out.append(sdt.getContent().getText()).append('\n');
        }
    }

    static void appendTable(StringBuilder out, XWPFTable t) {
        for (XWPFTableRow row : t.getRows()) {
            List<String> cells = new ArrayList<>();
            StringBuilder nested = new StringBuilder();
            for (XWPFTableCell cell : row.getTableCells()) {
                StringBuilder c = new StringBuilder();
                for (IBodyElement e : cell.getBodyElements()) {
                    if (e instanceof XWPFParagraph p) {
                        if (!p.getText().isBlank()) {
                            if (c.length() > 0) {
                                c.append(' ');
                            }
                            c.append(p.getText().strip());
                        }
                    } else if (e instanceof XWPFTable inner) {
                        appendTable(nested, inner);
                    }
                }
                if (!c.isEmpty()) {
                    cells.add(c.toString().replace('\n', ' '));
                }
            }
            if (!cells.isEmpty()) {
                out.append(String.join(CELL_GAP, cells)).append('\n');
            }
            out.append(nested);
        }
    }

    private static void addIfText(List<String> out, String s) {
        if (s != null && !s.isBlank()) {
            out.add(s.strip());
        }
    }
}
