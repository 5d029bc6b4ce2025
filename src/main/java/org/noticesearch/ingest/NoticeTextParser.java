package org.noticesearch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import org.noticesearch.config.DocTypes;
import org.noticesearch.config.Issuer;
import org.noticesearch.config.IssuerDirectory;

/**
 * The GB/T 9704-2012 state machine: turns the lines of one notice's text into a {@link Notice}. It reads the header
 * (份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人), the title, a number or date printed under the title, the addressees,
 * the body, the signature and date, and the footer (附件, 抄送, 印发). Lines it does not recognise stay in the body, so
 * nothing is lost; what it cannot find is reported in {@code warnings}, never invented. Reading files is
 * {@link NoticeParser}'s job; what a single line is, {@link LinePredicates}'.
 */
public final class NoticeTextParser {
    private final IssuerDirectory issuers;
    private final DocTypes types;
    private final LinePredicates is;
    private final References references;

    public NoticeTextParser(IssuerDirectory issuers, DocTypes types, List<String> campaignSuffixes) {
        this.issuers = issuers;
        this.types = types;
        this.is = new LinePredicates(issuers);
        this.references = new References(types, campaignSuffixes);
    }

    /**
     * Parses extracted text; {@code metadata} (from the file, outside its text) wins over what the text suggests, and
     * {@code extractionWarnings} (such as "read by OCR") head the notice's warnings.
     */
    public Notice parse(String source, String format, String text, String encoding, SourceMetadata metadata,
                        List<String> extractionWarnings) throws NoticeParseException {
        List<String> lines = TextCleaner.lines(TextCleaner.removeArtifacts(text));
        if (lines.isEmpty()) {
            throw new NoticeParseException(source, "the file has no text (only whitespace or conversion marks)");
        }
        if (lines.stream().noneMatch(l -> l.codePoints().anyMatch(TextNormalizer::isHan))) {
            throw new NoticeParseException(source, "no Chinese text found: this does not look like a notice");
        }
        Parse p = new Parse(source, format, encoding, lines, metadata == null ? SourceMetadata.NONE : metadata);
        p.warnings.addAll(extractionWarnings);
        return p.run();
    }

    /** The state of one parse: lines in, fields out. */
    private final class Parse {
        final String source;
        final String format;
        final String encoding;
        final List<String> lines;
        final SourceMetadata metadata;
        final List<String> warnings = new ArrayList<>();
        int pos = 0;

        String copyNumber;
        String classification;
        String urgency;
        String signer;
        String issuerMark;
        /** The offices of the 发文机关标志, lead first. */
        List<String> markIssuers = List.of();
        String docNumberAsWritten;
        DocNumber docNumber;
        String title;
        String underTitleDate;
        DateFound date;
        String addressees;
        String signature;
        /** The offices of the signature, lead first. */
        List<String> signatureIssuers = List.of();
        final List<String> attachments = new ArrayList<>();
        String cc;
        String printedBy;
        String printedDate;
        String printedAsWritten;
        final List<String> headerExtras = new ArrayList<>();

        Parse(String source, String format, String encoding, List<String> lines, SourceMetadata metadata) {
            this.source = source;
            this.format = format;
            this.encoding = encoding;
            this.lines = lines;
            this.metadata = metadata;
        }

        Notice run() throws NoticeParseException {
            readHeader();
            readTitle();
            readUnderTitle();
            readAddressees();
            List<String> bodyLines = readBodyAndFooter();
            applyMetadata(bodyLines);
            List<String> paragraphs = ParagraphBuilder.forLines(bodyLines, types::endsLikeTitle).build(bodyLines);
            if (title == null && paragraphs.isEmpty()) {
                throw new NoticeParseException(source, "no title and no body text found: this does not look like a notice");
            }
            IssuerChoice issuer = chooseIssuer();
            String type = types.typeOf(title);
            if (title == null) {
                warnings.add("no title found");
            } else if (type == null) {
                warnings.add("the title does not end with a known document type (文种)");
            }
            if (docNumber == null) {
                warnings.add("no document number (发文字号) found");
            }
            Integer year = null;
            String dateIso = null;
            String dateWritten = null;
            if (date != null) {
                dateIso = date.iso;
                dateWritten = date.asWritten;
                year = Integer.parseInt(date.iso.substring(0, 4));
            } else if (docNumber != null && docNumber.year() != null) {
                year = docNumber.year();
                warnings.add("no date (成文日期) found; the year is taken from the document number");
            } else {
                warnings.add("no date (成文日期) found");
            }
            if (addressees == null) {
                warnings.add("no addressees (主送机关) found");
            }
            return new Notice(NoticeIds.idFor(source), source, format, encoding, title, type, types.isStandard(type),
                    issuer.canonical, issuer.asWritten, issuer.all, issuer.level, issuer.kind, issuer.province,
                    docNumber == null ? null : docNumber.canonical(), docNumberAsWritten, docNumber,
                    dateIso, dateWritten, year, addressees, copyNumber, signer, urgency, classification, issuerMark,
                    signature, attachments, cc, printedBy, printedDate, printedAsWritten, references.citations(paragraphs),
                    references.campaigns(title, paragraphs), paragraphs, warnings);
        }

        /** 份号, 密级, 紧急程度, 发文机关标志, 发文字号 and 签发人, in any order, at the top. */
        void readHeader() {
            int limit = Math.min(lines.size(), 10);
            while (pos < limit) {
                String original = lines.get(pos).strip();
                if (issuerMark == null && readJointMark()) {
                    continue;
                }
                // Matching runs on the width-folded line; folding is one char for one, so spans map back to the original.
                String half = TextNormalizer.halfWidth(original);
                boolean used = false;
                String rest = half;
                Matcher sm = LinePredicates.SIGNER.matcher(half);
                if (signer == null && sm.find()) {
                    signer = LinePredicates.signerName(original.substring(sm.start(1), sm.end(1)));
                    rest = half.substring(0, sm.start());
                    used = true;
                }
                if (rest.isBlank() && used) {
                    pos++;
                    continue;
                }
                List<String> unused = new ArrayList<>();
                Matcher gap = LinePredicates.GAP.matcher(rest);
                int from = 0;
                while (true) {
                    boolean more = gap.find();
                    int to = more ? gap.start() : rest.length();
                    String chunk = rest.substring(from, to);
                    String part = chunk.strip();
                    if (!part.isEmpty()) {
                        int at = from + chunk.indexOf(part);
                        String originalPart = original.substring(at, at + part.length());
                        if (headerPart(part, originalPart, original)) {
                            used = true;
                        } else {
                            unused.add(originalPart);
                        }
                    }
                    if (!more) {
                        break;
                    }
                    from = gap.end();
                }
                if (!used) {
                    break;
                }
                // Text sharing a line with header elements is kept for the body rather than dropped.
                if (!unused.isEmpty()) {
                    String extra = String.join(" ", unused);
                    headerExtras.add(extra);
                    warnings.add("text in the header was not recognised and is kept in the body: " + extra);
                }
                pos++;
            }
        }

        /**
         * A 发文机关标志 of several offices (联合发文): lines naming offices, the last ending in 文件
         * (北京市妇女联合会 / 北京市教育委员会文件, or 国务院办公厅  中央军委办公厅文件 on one line).
         */
        private boolean readJointMark() {
            List<String> offices = new ArrayList<>();
            StringBuilder mark = new StringBuilder();
            for (int k = pos; k < Math.min(lines.size(), pos + 4); k++) {
                String line = TextCleaner.strip(lines.get(k));
                Matcher m = LinePredicates.ISSUER_MARK.matcher(line);
                List<String> names = m.matches() ? is.orgNames(m.group(1)) : is.orgNames(line);
                if (names.isEmpty() || LinePredicates.hasSentencePunct(line)) {
                    return false;
                }
                offices.addAll(names);
                mark.append(mark.isEmpty() ? "" : " ").append(line);
                if (m.matches()) {
                    if (offices.size() < 2) {
                        return false; // one office: the ordinary mark, read with the other header parts
                    }
                    issuerMark = TextNormalizer.tidySpaces(mark.toString());
                    markIssuers = List.copyOf(offices);
                    pos = k + 1;
                    return true;
                }
            }
            return false;
        }

        /** One header element; {@code part} is width-folded, {@code originalPart} the same span as written. */
        private boolean headerPart(String part, String originalPart, String originalLine) {
            Matcher m;
            if (copyNumber == null && (m = LinePredicates.COPY_NUMBER.matcher(part)).matches()) {
                copyNumber = m.group(1);
                return true;
            }
            if (classification == null && (m = LinePredicates.CLASSIFICATION.matcher(part)).matches()) {
                classification = m.group(1).replaceAll("\\s+", "");
                return true;
            }
            if (urgency == null && (m = LinePredicates.URGENCY.matcher(part)).matches()) {
                urgency = m.group(1);
                return true;
            }
            if (docNumber == null && takeNumber(originalPart)) {
                return true;
            }
            if (issuerMark == null && docNumber == null && (m = LinePredicates.ISSUER_MARK.matcher(part)).matches()
                    && !LinePredicates.hasSentencePunct(part)) {
                issuerMark = TextNormalizer.tidySpaces(originalLine);
                markIssuers = List.of(TextNormalizer.tidySpaces(m.group(1)));
                return true;
            }
            // 信函格式 (letters): the issuer's name alone, without 文件, with the document number beside it (top right) or
            // on the next line.
            if (issuerMark == null && is.isOrgName(part)) {
                boolean numberBeside = !part.equals(originalLine) && LinePredicates.hasDocNumber(originalLine);
                boolean numberBelow = part.equals(originalLine) && docNumber == null && pos + 1 < lines.size()
                        && LinePredicates.hasDocNumber(lines.get(pos + 1));
                if (numberBeside || numberBelow) {
                    issuerMark = TextNormalizer.tidySpaces(originalPart);
                    markIssuers = List.of(issuerMark);
                    return true;
                }
            }
            return false;
        }

        /** Takes a document number (perhaps after a 发文字号 label) as the notice's own. */
        private boolean takeNumber(String text) {
            Optional<String> written = LinePredicates.docNumberText(text);
            if (written.isEmpty()) {
                return false;
            }
            docNumber = DocNumbers.parse(written.get()).orElseThrow();
            docNumberAsWritten = written.get();
            return true;
        }

        /** Title lines up to the one that ends with a 文种; a number or date line is never part of it. */
        void readTitle() {
            int maxLines = 6;
            StringBuilder sb = new StringBuilder();
            for (int i = pos; i < Math.min(lines.size(), pos + maxLines); i++) {
                String line = lines.get(i);
                if (LinePredicates.endsWithColon(line) || LinePredicates.hasSentencePunct(line) || LinePredicates.isDate(line)
                        || LinePredicates.hasDocNumber(line)) {
                    break;
                }
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(line);
                String candidate = TextNormalizer.tidySpaces(sb.toString());
                if (types.typeOf(candidate) != null) {
                    title = candidate;
                    pos = i + 1;
                    break;
                }
            }
            if (title == null && pos < lines.size()) {
                String first = lines.get(pos);
                // Without a 文种 ending, take one plausible title line rather than guess at more.
                if (!LinePredicates.endsWithColon(first) && !LinePredicates.hasSentencePunct(first) && first.length() <= 80
                        && !LinePredicates.isDate(first) && !LinePredicates.hasDocNumber(first)) {
                    title = TextNormalizer.tidySpaces(first);
                    pos++;
                    warnings.add("the title was taken from the first line; its end could not be recognised");
                }
            }
        }

        /**
         * What government pages, 公报 and letters print under the title: the 发文字号 (alone, or set apart from other
         * header text by spaces) and a date in brackets, in either order.
         */
        void readUnderTitle() {
            for (int n = 0; n < 2 && pos < lines.size(); n++) {
                String line = lines.get(pos);
                Optional<ChineseDates.Found> d = ChineseDates.wholeLine(line);
                if (d.isPresent() && underTitleDate == null) {
                    underTitleDate = line;
                    date = new DateFound(d.get().date().toString(), d.get().asWritten());
                    pos++;
                } else if (docNumber == null && numberLine(line)) {
                    pos++;
                } else {
                    return;
                }
            }
        }

        /** A line under the title made of a document number and other header elements; takes them all, or none. */
        private boolean numberLine(String line) {
            if (!LinePredicates.hasDocNumber(line)) {
                return false;
            }
            String[] parts = LinePredicates.GAP.split(TextCleaner.strip(line));
            for (String part : parts) {
                if (LinePredicates.docNumberText(part).isEmpty() && !LinePredicates.SIGNER.matcher(TextNormalizer.halfWidth(part)).find()) {
                    return false;
                }
            }
            for (String part : parts) {
                Matcher sm = LinePredicates.SIGNER.matcher(TextNormalizer.halfWidth(part));
                if (sm.find()) {
                    signer = signer == null ? LinePredicates.signerName(part.substring(sm.start(1), sm.end(1))) : signer;
                } else if (docNumber == null) {
                    takeNumber(part);
                }
            }
            return true;
        }

        /** 主送机关: a line (or up to three wrapped lines) ending with a colon, before the body. */
        void readAddressees() {
            StringBuilder sb = new StringBuilder();
            for (int i = pos; i < Math.min(lines.size(), pos + 3); i++) {
                String line = lines.get(i);
                if (LinePredicates.hasSentencePunct(line) || ParagraphBuilder.HEADING.matcher(line).find()
                        || LinePredicates.isDate(line) || LinePredicates.hasDocNumber(line)) {
                    return;
                }
                sb.append(line);
                if (LinePredicates.endsWithColon(line)) {
                    String a = TextNormalizer.tidySpaces(sb.substring(0, sb.length() - 1));
                    if (a.length() > 0 && a.length() <= 300 && !a.contains("如下")) {
                        addressees = a;
                        pos = i + 1;
                    }
                    return;
                }
            }
        }

        /**
         * The rest: body lines, with the signature + date block, 附件, 抄送 and 印发 lines taken out. The first
         * signature + date block gives the 成文日期; a later one (in an attached document) stays in the body.
         */
        List<String> readBodyAndFooter() {
            List<String> body = new ArrayList<>(headerExtras);
            boolean signed = false;
            for (int i = pos; i < lines.size(); i++) {
                String line = lines.get(i);
                String half = TextNormalizer.halfWidth(line);
                Matcher m;
                if (printedAsWritten == null && LinePredicates.mayBePrinted(half) && (m = LinePredicates.PRINTED.matcher(half)).matches()) {
                    Optional<ChineseDates.Found> d = ChineseDates.find(m.group(2));
                    if (d.isPresent()) {
                        printedAsWritten = line;
                        printedBy = m.group(1).isBlank() ? null : TextNormalizer.tidySpaces(line.substring(m.start(1), m.end(1)));
                        // The 印发机关 may sit on the line above its date.
                        if (printedBy == null && !body.isEmpty() && is.isOrgName(body.get(body.size() - 1))) {
                            String by = body.remove(body.size() - 1);
                            printedBy = TextNormalizer.tidySpaces(by);
                            printedAsWritten = by + " " + line;
                        }
                        printedDate = d.get().date().toString();
                        continue;
                    }
                }
                if ((m = LinePredicates.CC.matcher(half)).matches() && cc == null) {
                    StringBuilder sb = new StringBuilder(line.substring(m.start(1)));
                    while (!ParagraphBuilder.endsSentence(sb.toString()) && i + 1 < lines.size() && ccContinues(i + 1)) {
                        sb.append(lines.get(++i));
                    }
                    cc = TextNormalizer.tidySpaces(sb.toString()).replaceAll("[。.]$", "");
                    continue;
                }
                if ((m = LinePredicates.ATTACHMENT.matcher(half)).matches() && attachments.isEmpty() && !signed) {
                    attachments.add(cleanItem(line.substring(m.start(1))));
                    while (i + 1 < lines.size() && LinePredicates.ATTACHMENT_ITEM.matcher(TextNormalizer.halfWidth(lines.get(i + 1))).matches()
                            && !LinePredicates.hasSentencePunct(lines.get(i + 1))) {
                        attachments.add(cleanItem(lines.get(++i)));
                    }
                    continue;
                }
                Optional<ChineseDates.Found> d = ChineseDates.wholeLine(line);
                if (d.isPresent() && !signed) {
                    int sigLines = signatureLinesBefore(body);
                    // A date alone before the footer is the 成文日期 only if it does not finish a sentence of the body.
                    boolean atEnd = restIsFooter(i + 1) && (body.isEmpty() || LinePredicates.endsClosedSentence(body.get(body.size() - 1)));
                    if (sigLines > 0 || atEnd) {
                        List<String> sig = new ArrayList<>(body.subList(body.size() - sigLines, body.size()));
                        body.subList(body.size() - sigLines, body.size()).clear();
                        signature = sig.isEmpty() ? null : String.join(" ", sig);
                        List<String> offices = new ArrayList<>();
                        sig.forEach(l -> offices.addAll(is.orgNames(l)));
                        signatureIssuers = List.copyOf(offices);
                        if (date == null || sigLines > 0) {
                            if (date != null && !date.iso.equals(d.get().date().toString())) {
                                warnings.add("the date under the title (" + date.asWritten + ") differs from the date at the signature ("
                                        + d.get().asWritten() + "); the signature date is used");
                                body.add(0, underTitleDate);
                            }
                            date = new DateFound(d.get().date().toString(), d.get().asWritten());
                        } else {
                            body.add(line);
                            continue;
                        }
                        signed = true;
                        continue;
                    }
                }
                body.add(line);
            }
            return body;
        }

        /** How many lines at the end of the body form a signature (up to three lines of office names). */
        private int signatureLinesBefore(List<String> body) {
            int n = 0;
            for (int k = body.size() - 1; k >= 0 && n < 3; k--) {
                String l = body.get(k);
                List<String> offices = is.orgNames(l);
                // A second or third signature line (joint issue) must be a known issuer, or start after a finished
                // sentence: the tail of a wrapped paragraph ("…领导" / "小组") is not a signature.
                boolean plausible = n == 0 || offices.stream().allMatch(is::isKnownIssuer)
                        || k == 0 || ParagraphBuilder.endsSentence(body.get(k - 1));
                if (plausible && !offices.isEmpty()) {
                    n++;
                } else {
                    break;
                }
            }
            return n;
        }

        /** Whether line k carries on a 抄送 list: not a 印发 line, nor the 印发机关 on the line above its date. */
        private boolean ccContinues(int k) {
            String half = TextNormalizer.halfWidth(lines.get(k));
            if (LinePredicates.isPrinted(half) || LinePredicates.isCc(half) || LinePredicates.isDate(half)) {
                return false;
            }
            return !(k + 1 < lines.size() && LinePredicates.isPrinted(TextNormalizer.halfWidth(lines.get(k + 1)))
                    && is.isOrgName(lines.get(k)));
        }

        private boolean restIsFooter(int from) {
            for (int k = from; k < lines.size(); k++) {
                String half = TextNormalizer.halfWidth(lines.get(k)).strip();
                if (!(LinePredicates.isPrinted(half) || LinePredicates.isCc(half))) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The file's own metadata (a web page's table) wins over the text; a disagreement is noted, and the text's own
         * line, no longer held by the field, is kept in the body (at the top for a title, at the end for the rest).
         */
        void applyMetadata(List<String> body) {
            if (metadata.title() != null && !metadata.title().isBlank()) {
                String t = TextNormalizer.tidySpaces(TextCleaner.strip(metadata.title()));
                if (title != null && !title.replaceAll("\\s", "").equals(t.replaceAll("\\s", ""))) {
                    warnings.add("title from the page's metadata used instead of the text's '" + title + "'");
                    body.add(0, title);
                }
                title = t;
            }
            if (metadata.docNumber() != null && !metadata.docNumber().isBlank()) {
                String written = TextCleaner.strip(metadata.docNumber());
                Optional<DocNumber> dn = DocNumbers.parse(written);
                if (dn.isEmpty()) {
                    warnings.add("the page's metadata gives a document number that cannot be read: " + metadata.docNumber());
                } else if (docNumber == null) {
                    docNumber = dn.get();
                    docNumberAsWritten = written;
                } else if (!docNumber.canonical().equals(dn.get().canonical())) {
                    warnings.add("document number from the page's metadata used instead of the text's '" + docNumberAsWritten + "'");
                    body.add(docNumberAsWritten);
                    docNumber = dn.get();
                    docNumberAsWritten = written;
                }
            }
            if (metadata.date() != null && !metadata.date().isBlank()) {
                String written = TextCleaner.strip(metadata.date());
                Optional<java.time.LocalDate> d = LinePredicates.metadataDate(written);
                if (d.isEmpty()) {
                    warnings.add("the page's metadata gives a date that cannot be read: " + written);
                } else if (date == null) {
                    date = new DateFound(d.get().toString(), written);
                } else if (!date.iso.equals(d.get().toString())) {
                    warnings.add("date from the page's metadata used instead of the text's '" + date.asWritten + "'");
                    body.add(date.asWritten);
                    date = new DateFound(d.get().toString(), written);
                }
            }
        }

        /**
         * The issuing office: the first candidate the directory knows, else the first candidate as written. Candidates,
         * in order: the page's metadata, the 发文机关标志, the signature, the title's opening. Each source may name several
         * offices (联合发文); the lead is the first, and {@code issuers} lists all of the chosen source's.
         */
        IssuerChoice chooseIssuer() {
            List<List<String>> sources = new ArrayList<>();
            if (metadata.issuer() != null && !metadata.issuer().isBlank()) {
                sources.add(offices(TextNormalizer.tidySpaces(TextCleaner.strip(metadata.issuer()))));
            }
            if (!markIssuers.isEmpty()) {
                sources.add(markIssuers);
            }
            if (!signatureIssuers.isEmpty()) {
                sources.add(signatureIssuers);
            } else if (signature != null) {
                sources.add(List.of(signature));
            }
            if (title != null) {
                // The whole name before 关于 first (公安部三局), then the longest listed name it starts with (公安部).
                int guan = title.indexOf("关于");
                if (guan >= 2 && guan <= 30) {
                    sources.add(offices(title.substring(0, guan)));
                }
                issuers.longestPrefix(title).ifPresent(p -> sources.add(List.of(p)));
            }
            for (List<String> group : sources) {
                // The list, then the rules (a place and an office, an inner office of a listed one): see resolve.
                Optional<Issuer> known = issuers.resolve(group.get(0));
                if (known.isPresent()) {
                    return choice(known.get(), group.get(0), group);
                }
            }
            if (!sources.isEmpty()) {
                List<String> group = sources.get(0);
                warnings.add("issuer '" + group.get(0) + "' is not in issuers.tsv and names no known place and office; kept as written");
                return new IssuerChoice(group.get(0), group.get(0), canonicalAll(group), null, null, null);
            }
            if (docNumber != null) {
                Optional<Issuer> byCode = issuers.byAgency(docNumber.agency());
                if (byCode.isPresent()) {
                    warnings.add("issuer guessed from the document number's agency code " + docNumber.agency());
                    return choice(byCode.get(), null, List.of());
                }
            }
            warnings.add("no issuer (发文机关) found");
            return new IssuerChoice(null, null, List.of(), null, null, null);
        }

        /** 国务院办公厅、中央军委办公厅 → both; a name that is no list of offices stays whole. */
        private List<String> offices(String written) {
            List<String> names = is.orgNames(written);
            return names.isEmpty() ? List.of(written) : names;
        }

        private IssuerChoice choice(Issuer lead, String asWritten, List<String> group) {
            List<String> all = new ArrayList<>();
            all.add(lead.canonical());
            for (String name : canonicalAll(group)) {
                if (!all.contains(name)) {
                    all.add(name);
                }
            }
            return new IssuerChoice(lead.canonical(), asWritten, all, lead.province(), lead.level(), lead.kind());
        }

        private List<String> canonicalAll(List<String> group) {
            List<String> out = new ArrayList<>();
            for (String name : group) {
                String c = issuers.resolve(name).map(Issuer::canonical).orElse(name);
                if (!out.contains(c)) {
                    out.add(c);
                }
            }
            return out;
        }
    }

    private static String cleanItem(String s) {
        return TextNormalizer.tidySpaces(s.strip());
    }

    private record DateFound(String iso, String asWritten) {}

    private record IssuerChoice(String canonical, String asWritten, List<String> all, String province, String level,
                                String kind) {}
}
