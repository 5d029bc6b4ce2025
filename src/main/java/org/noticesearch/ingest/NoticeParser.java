package org.noticesearch.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.config.Issuer;
import org.noticesearch.config.IssuerDirectory;
import org.noticesearch.ingest.formats.Extraction;
import org.noticesearch.ingest.formats.FormatReaders;

/**
 * Turns the text of one notice into a {@link Notice}, following the layout of GB/T 9704-2012: the
 * header (份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人), the title, the addressees, the body, the
 * signature and date, and the footer (附件, 抄送, 印发). Lines it does not recognise stay in the body,
 * so nothing is lost; what it cannot find is reported in {@code warnings}, never invented.
 */
public final class NoticeParser {

    /** 文种, longest first so that 实施意见 wins over 意见. */
    static final List<String> TYPES = List.of("实施意见", "实施方案", "实施细则", "工作要点", "倡议书", "通知书", "会议纪要",
            "通知", "通报", "意见", "决定", "方案", "报告", "请示", "批复", "纪要", "公告", "通告", "命令", "决议", "公报",
            "规定", "办法", "细则", "要点", "议案", "规划", "纲要", "倡议", "答复", "总结", "计划", "安排", "条例", "章程",
            "守则", "制度", "预案", "指南", "函", "令");
    /** The type reported for a compound ending: 实施意见 is an 意见. */
    private static final List<String[]> TYPE_BASE = List.of(new String[]{"实施意见", "意见"}, new String[]{"实施方案", "方案"},
            new String[]{"实施细则", "细则"}, new String[]{"工作要点", "要点"}, new String[]{"会议纪要", "纪要"},
            new String[]{"倡议书", "倡议"}, new String[]{"通知书", "通知"});

    private static final Pattern TRIAL = Pattern.compile("[（(](?:试行|暂行|草案|征求意见稿|修订|修订稿|送审稿)[）)]$");
    private static final Pattern COPY_NUMBER = Pattern.compile("^(?:份号[：:]?\\s*)?(\\d{6})$");
    private static final Pattern CLASSIFICATION = Pattern.compile("^(?:密级[：:]?\\s*)?((?:绝密|机密|秘密)(?:\\s*★\\s*[^\\s]{0,8})?|内部(?:资料|文件)?|内部)$");
    private static final Pattern URGENCY = Pattern.compile("^(?:紧急程度[：:]?\\s*)?(特急|加急|特提|平急|紧急)$");
    private static final Pattern SIGNER = Pattern.compile("签\\s*发\\s*人[：:]\\s*(.+)$");
    /** Header elements sharing a line are set apart by a run of spaces. */
    private static final Pattern HEADER_GAP = Pattern.compile("\\s{2,}");
    private static final Pattern ISSUER_MARK = Pattern.compile("^(.{2,60}?)\\s*文件$");
    private static final Pattern CC = Pattern.compile("^抄\\s*送[：:]\\s*(.*)$");
    private static final Pattern ATTACHMENT = Pattern.compile("^附\\s*件[：:]\\s*(.+)$");
    private static final Pattern ATTACHMENT_ITEM = Pattern.compile("^\\d{1,2}[.．、]\\s*\\S.*$");
    private static final Pattern PRINTED = Pattern.compile("^(.*?)\\s*((?:\\d{4}|[〇零一二三四五六七八九]{4})\\s*年.{1,8}日)\\s*印\\s*发$");
    private static final Pattern ORG_SUFFIX = Pattern.compile("(?:联合会|妇联|委员会|妇委会|妇工委|办公室|办公厅|人民政府|政府|党委|党组|工会|团委|局|厅|部|委|院|中心|协会|学会|基金会|集团|公司|学校|大学|组)$");
    private static final Pattern CITATION = Pattern.compile("《([^《》\\n]{2,200})》(?:\\s*[（(]([^（）()\\n]{4,40})[）)])?");
    private static final Pattern PAREN_NUMBER = Pattern.compile("[（(]([^（）()\\n]{4,40}?号)[）)]");
    /** A cited title counts as a document when it ends like one (books and newspapers do not). */
    private static final Pattern DOC_TITLE_END = Pattern.compile("(?:" + String.join("|", TYPES) + "|法|条例|规则|标准|计划|规划|纲要|方案|办法|汇报|报告|讲话|意见[（(].*[）)]|[（(](?:试行|暂行)[）)])$");
    private static final Pattern QUOTED = Pattern.compile("“([^“”\\n]{2,40})”");
    private static final Pattern ID_UNSAFE = Pattern.compile("[^A-Za-z0-9_.-]");

    private final IssuerDirectory issuers;
    private final List<String> campaignSuffixes;
    private final TextDecoder decoder = new TextDecoder();
    private final long maxFileBytes;
    private final FormatReaders formats;

    public NoticeParser(IndexConfig config) {
        this(config.issuers(), config.campaignSuffixes(), config.settings().maxFileBytes(), FormatReaders.from(config.settings()));
    }

    public NoticeParser(IssuerDirectory issuers, List<String> campaignSuffixes, long maxFileBytes) {
        this(issuers, campaignSuffixes, maxFileBytes, FormatReaders.defaults());
    }

    /** With the readers for Word, PDF, HTML and OFD files given (tests use this to set the OCR command or time limit). */
    public NoticeParser(IssuerDirectory issuers, List<String> campaignSuffixes, long maxFileBytes, FormatReaders formats) {
        this.issuers = issuers;
        this.campaignSuffixes = List.copyOf(campaignSuffixes);
        this.maxFileBytes = maxFileBytes;
        this.formats = formats;
    }

    /** The largest file this parser reads; the indexer stops reading a file there. */
    public long maxFileBytes() {
        return maxFileBytes;
    }

    /** Decodes (or, for Word, PDF, HTML and OFD files, extracts the text of) and parses one file. */
    public Notice parse(RawNotice raw) throws NoticeParseException {
        if (raw.bytes().length > maxFileBytes) {
            throw new NoticeParseException(raw.source(), "the file is " + sizeOf(raw) + " bytes, over the limit of "
                    + maxFileBytes + " (ingest.maxFileBytes in settings.properties)");
        }
        String format = formatOf(raw.source());
        if (formats.handles(format)) {
            Extraction x = formats.read(raw.source(), format, raw.bytes());
            return parseText(raw.source(), format, x.text(), x.encoding(), x.metadata(), x.warnings());
        }
        TextDecoder.Decoded decoded = decoder.decode(raw.source(), raw.bytes());
        return parseText(raw.source(), format, decoded.text(), decoded.encoding(), SourceMetadata.NONE, decoded.warnings());
    }

    private static long sizeOf(RawNotice raw) {
        try {
            return raw.path() != null ? java.nio.file.Files.size(raw.path()) : raw.bytes().length;
        } catch (java.io.IOException e) {
            return raw.bytes().length;
        }
    }

    /** Parses every notice file under a folder (or one file), collecting the notices; see {@link #parseEach}. */
    public ParseReport parseAll(java.nio.file.Path root) throws java.io.IOException {
        List<Notice> notices = new ArrayList<>();
        List<ParseReport.Failure> failures = parseEach(root, notices::add);
        return new ParseReport(notices, failures);
    }

    /**
     * Parses every notice file under a folder (or one file), handing each notice to the sink as it is
     * parsed, so a large folder is never held in memory. One bad file is reported and skipped.
     */
    public List<ParseReport.Failure> parseEach(java.nio.file.Path root, java.util.function.Consumer<Notice> sink) throws java.io.IOException {
        List<ParseReport.Failure> failures = new ArrayList<>();
        for (java.nio.file.Path file : CorpusWalker.files(root)) {
            String source = CorpusWalker.sourceOf(root, file);
            try {
                sink.accept(parse(CorpusWalker.read(root, file, maxFileBytes)));
            } catch (NoticeParseException e) {
                failures.add(new ParseReport.Failure(e.source(), e.reason()));
            } catch (java.io.IOException e) {
                failures.add(new ParseReport.Failure(source, "cannot read the file (" + e.getMessage() + ")"));
            } catch (RuntimeException e) {
                // A parser bug on one file is reported with that file, not allowed to stop the run.
                failures.add(new ParseReport.Failure(source, "internal parser error: " + e));
            }
        }
        return failures;
    }

    /** Parses text already decoded (by this class or by a format reader). */
    public Notice parseText(String source, String format, String text, String encoding) throws NoticeParseException {
        return parseText(source, format, text, encoding, SourceMetadata.NONE, List.of());
    }

    /**
     * Parses extracted text; {@code metadata} (from the file, outside its text) wins over what the text suggests, and
     * {@code extractionWarnings} (such as "read by OCR") head the notice's warnings.
     */
    public Notice parseText(String source, String format, String text, String encoding, SourceMetadata metadata,
                            List<String> extractionWarnings) throws NoticeParseException {
        List<String> lines = TextCleaner.lines(TextCleaner.removeArtifacts(text));
        if (lines.isEmpty()) {
            throw new NoticeParseException(source, "the file has no text (only whitespace or conversion marks)");
        }
        if (lines.stream().noneMatch(l -> l.codePoints().anyMatch(TextNormalizer::isHan))) {
            throw new NoticeParseException(source, "no Chinese text found: this does not look like a notice");
        }
        Parse p = new Parse(source, format, encoding, lines);
        p.warnings.addAll(extractionWarnings);
        p.metadata = metadata == null ? SourceMetadata.NONE : metadata;
        return p.run();
    }

    /** Stable id from the path under the corpus: readable when the path is plain ASCII, else suffixed with a hash. */
    public static String idFor(String source) {
        String base = source.endsWith(".txt") ? source.substring(0, source.length() - 4) : source;
        String safe = ID_UNSAFE.matcher(base.replace('/', '~')).replaceAll("-");
        if (safe.equals(base.replace('/', '~'))) {
            return safe;
        }
        return safe + "-" + sha256(source).substring(0, 10);
    }

    static String formatOf(String source) {
        int dot = source.lastIndexOf('.');
        return dot < 0 ? "txt" : source.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }

    public static String sha256(String s) {
        return sha256(s.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The 文种 a title ends with, or null. */
    public static String typeOf(String title) {
        if (title == null) {
            return null;
        }
        String t = TRIAL.matcher(title.strip()).replaceAll("");
        for (String type : TYPES) {
            if (t.endsWith(type)) {
                for (String[] base : TYPE_BASE) {
                    if (base[0].equals(type)) {
                        return base[1];
                    }
                }
                return type;
            }
        }
        return null;
    }

    static boolean endsWithType(String line) {
        String t = TRIAL.matcher(line).replaceAll("");
        if (t.length() < 4 || !t.codePoints().allMatch(c -> TextNormalizer.isHan(c) || "“”《》、（）()〔〕·—-0123456789".indexOf(c) >= 0)) {
            return false;
        }
        // A lone 函 or 令 at the end of an ordinary word (公函 aside) is too weak a signal on its own.
        String type = typeOf(t);
        return type != null && !type.equals("令") && !(type.equals("函") && !t.endsWith("的函"));
    }

    /** The state of one parse: lines in, fields out. */
    private final class Parse {
        final String source;
        final String format;
        final String encoding;
        final List<String> lines;
        final List<String> warnings = new ArrayList<>();
        SourceMetadata metadata = SourceMetadata.NONE;
        int pos = 0;

        String copyNumber;
        String classification;
        String urgency;
        String signer;
        String issuerMark;
        String markIssuer;
        String docNumberAsWritten;
        DocNumber docNumber;
        String title;
        String underTitleDate;
        LocalDateHolder date;
        String addressees;
        String signature;
        final List<String> attachments = new ArrayList<>();
        String cc;
        String printedBy;
        String printedDate;
        String printedAsWritten;
        final List<String> headerExtras = new ArrayList<>();

        Parse(String source, String format, String encoding, List<String> lines) {
            this.source = source;
            this.format = format;
            this.encoding = encoding;
            this.lines = lines;
        }

        Notice run() throws NoticeParseException {
            readHeader();
            readTitle();
            readAddressees();
            List<String> bodyLines = readBodyAndFooter();
            List<String> paragraphs = ParagraphBuilder.forLines(bodyLines).build(bodyLines);
            applyMetadata();
            if (title == null && paragraphs.isEmpty()) {
                throw new NoticeParseException(source, "no title and no body text found: this does not look like a notice");
            }
            IssuerChoice issuer = chooseIssuer();
            String type = typeOf(title);
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
            } else {
                if (docNumber != null) {
                    year = docNumber.year();
                    warnings.add("no date (成文日期) found; the year is taken from the document number");
                } else {
                    warnings.add("no date (成文日期) found");
                }
            }
            if (addressees == null) {
                warnings.add("no addressees (主送机关) found");
            }
            List<Citation> citations = citations(paragraphs);
            List<String> campaigns = campaigns(title, paragraphs);
            return new Notice(idFor(source), source, format, encoding, title, type, issuer.canonical, issuer.asWritten,
                    issuer.province, docNumber == null ? null : docNumber.canonical(), docNumberAsWritten, docNumber,
                    dateIso, dateWritten, year, addressees, copyNumber, signer, urgency, classification, issuerMark,
                    signature, attachments, cc, printedBy, printedDate, printedAsWritten, citations, campaigns,
                    paragraphs, warnings);
        }

        /** 份号, 密级, 紧急程度, 发文机关标志, 发文字号 and 签发人, in any order, at the top. */
        void readHeader() {
            int limit = Math.min(lines.size(), 10);
            while (pos < limit) {
                String original = lines.get(pos).strip();
                // Matching runs on the width-folded line; folding is one char for one, so spans map back to the original.
                String half = TextNormalizer.halfWidth(original);
                boolean used = false;
                String rest = half;
                Matcher sm = SIGNER.matcher(half);
                if (signer == null && sm.find()) {
                    signer = signerName(original.substring(sm.start(1), sm.end(1)));
                    rest = half.substring(0, sm.start());
                    used = true;
                }
                if (rest.isBlank() && used) {
                    pos++;
                    continue;
                }
                List<String> unused = new ArrayList<>();
                Matcher gap = HEADER_GAP.matcher(rest);
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

        /** One header element; {@code part} is width-folded, {@code originalPart} the same span as written. */
        private boolean headerPart(String part, String originalPart, String originalLine) {
            Matcher m;
            if (copyNumber == null && (m = COPY_NUMBER.matcher(part)).matches()) {
                copyNumber = m.group(1);
                return true;
            }
            if (classification == null && (m = CLASSIFICATION.matcher(part)).matches()) {
                classification = m.group(1).replaceAll("\\s+", "");
                return true;
            }
            if (urgency == null && (m = URGENCY.matcher(part)).matches()) {
                urgency = m.group(1);
                return true;
            }
            if (docNumber == null) {
                Optional<DocNumber> dn = DocNumbers.parse(part);
                if (dn.isPresent()) {
                    docNumber = dn.get();
                    docNumberAsWritten = originalPart;
                    return true;
                }
            }
            if (issuerMark == null && docNumber == null && (m = ISSUER_MARK.matcher(part)).matches() && !hasSentencePunct(part)) {
                issuerMark = TextNormalizer.tidySpaces(originalLine);
                markIssuer = TextNormalizer.tidySpaces(m.group(1));
                return true;
            }
            // 信函格式 (letters): the issuer's name alone, without 文件, with the document number on the next line.
            if (issuerMark == null && docNumber == null && part.equals(originalLine) && isOrgName(part)
                    && pos + 1 < lines.size() && DocNumbers.parse(lines.get(pos + 1)).isPresent()) {
                issuerMark = TextNormalizer.tidySpaces(originalLine);
                markIssuer = issuerMark;
                return true;
            }
            return false;
        }

        /** Title lines up to the one that ends with a 文种; then a date in brackets right under it. */
        void readTitle() {
            int maxLines = 6;
            StringBuilder sb = new StringBuilder();
            for (int i = pos; i < Math.min(lines.size(), pos + maxLines); i++) {
                String line = lines.get(i);
                if (endsWithColon(line) || hasSentencePunct(line) || ChineseDates.wholeLine(line).isPresent()) {
                    break;
                }
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(line);
                String candidate = TextNormalizer.tidySpaces(sb.toString());
                if (typeOf(candidate) != null) {
                    title = candidate;
                    pos = i + 1;
                    break;
                }
            }
            if (title == null && pos < lines.size()) {
                String first = lines.get(pos);
                // Without a 文种 ending, take one plausible title line rather than guess at more.
                if (!endsWithColon(first) && !hasSentencePunct(first) && first.length() <= 80
                        && ChineseDates.wholeLine(first).isEmpty()) {
                    title = TextNormalizer.tidySpaces(first);
                    pos++;
                    warnings.add("the title was taken from the first line; its end could not be recognised");
                }
            }
            if (pos < lines.size()) {
                Optional<ChineseDates.Found> d = ChineseDates.wholeLine(lines.get(pos));
                if (d.isPresent()) {
                    underTitleDate = lines.get(pos);
                    date = new LocalDateHolder(d.get().date().toString(), d.get().asWritten());
                    pos++;
                }
            }
        }

        /** 主送机关: a line (or up to three wrapped lines) ending with a colon, before the body. */
        void readAddressees() {
            StringBuilder sb = new StringBuilder();
            for (int i = pos; i < Math.min(lines.size(), pos + 3); i++) {
                String line = lines.get(i);
                if (hasSentencePunct(line) || HEADING_START.matcher(line).find()) {
                    return;
                }
                sb.append(line);
                if (endsWithColon(line)) {
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
                if (printedAsWritten == null && mayBePrinted(half) && (m = PRINTED.matcher(half)).matches()) {
                    Optional<ChineseDates.Found> d = ChineseDates.find(m.group(2));
                    if (d.isPresent()) {
                        printedAsWritten = line;
                        printedBy = m.group(1).isBlank() ? null : TextNormalizer.tidySpaces(line.substring(m.start(1), m.end(1)));
                        // The 印发机关 may sit on the line above its date.
                        if (printedBy == null && !body.isEmpty() && isOrgName(body.get(body.size() - 1))) {
                            String by = body.remove(body.size() - 1);
                            printedBy = TextNormalizer.tidySpaces(by);
                            printedAsWritten = by + " " + line;
                        }
                        printedDate = d.get().date().toString();
                        continue;
                    }
                }
                if ((m = CC.matcher(half)).matches() && cc == null) {
                    StringBuilder sb = new StringBuilder(line.substring(m.start(1)));
                    while (!ParagraphBuilder.endsSentence(sb.toString()) && i + 1 < lines.size() && ccContinues(i + 1)) {
                        sb.append(lines.get(++i));
                    }
                    cc = TextNormalizer.tidySpaces(sb.toString()).replaceAll("[。.]$", "");
                    continue;
                }
                if ((m = ATTACHMENT.matcher(half)).matches() && attachments.isEmpty() && !signed) {
                    attachments.add(cleanItem(line.substring(m.start(1))));
                    while (i + 1 < lines.size() && ATTACHMENT_ITEM.matcher(TextNormalizer.halfWidth(lines.get(i + 1))).matches()
                            && !hasSentencePunct(lines.get(i + 1))) {
                        attachments.add(cleanItem(lines.get(++i)));
                    }
                    continue;
                }
                Optional<ChineseDates.Found> d = ChineseDates.wholeLine(line);
                if (d.isPresent() && !signed) {
                    int sigLines = signatureLinesBefore(body);
                    // A date alone before the footer is the 成文日期 only if it does not finish a sentence of the body.
                    boolean atEnd = restIsFooter(i + 1) && (body.isEmpty() || endsClosedSentence(body.get(body.size() - 1)));
                    if (sigLines > 0 || atEnd) {
                        List<String> sig = new ArrayList<>(body.subList(body.size() - sigLines, body.size()));
                        body.subList(body.size() - sigLines, body.size()).clear();
                        signature = sig.isEmpty() ? null : String.join(" ", sig);
                        if (date == null || sigLines > 0) {
                            if (date != null && !date.iso.equals(d.get().date().toString())) {
                                warnings.add("the date under the title (" + date.asWritten + ") differs from the date at the signature ("
                                        + d.get().asWritten() + "); the signature date is used");
                                body.add(0, underTitleDate);
                            }
                            date = new LocalDateHolder(d.get().date().toString(), d.get().asWritten());
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

        /** How many lines at the end of the body form a signature (one or two organisation names). */
        private int signatureLinesBefore(List<String> body) {
            int n = 0;
            for (int k = body.size() - 1; k >= 0 && n < 3; k--) {
                String l = body.get(k);
                // A second or third signature line (joint issue) must be a known issuer, or start after a finished
                // sentence: the tail of a wrapped paragraph ("…领导" / "小组") is not a signature.
                boolean plausible = n == 0 || issuers.lookup(TextNormalizer.tidySpaces(l)).isPresent()
                        || k == 0 || ParagraphBuilder.endsSentence(body.get(k - 1));
                if (plausible && isOrgName(l)) {
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
            if (isPrinted(half) || CC.matcher(half).matches() || ChineseDates.wholeLine(half).isPresent()) {
                return false;
            }
            return !(k + 1 < lines.size() && isPrinted(TextNormalizer.halfWidth(lines.get(k + 1)))
                    && isOrgName(lines.get(k)));
        }

        private boolean restIsFooter(int from) {
            for (int k = from; k < lines.size(); k++) {
                String half = TextNormalizer.halfWidth(lines.get(k)).strip();
                if (!(isPrinted(half) || CC.matcher(half).matches())) {
                    return false;
                }
            }
            return true;
        }

        private boolean isOrgName(String line) {
            String l = TextNormalizer.tidySpaces(line);
            if (l.length() > 40 || hasSentencePunct(l) || l.contains("：") || l.contains(":")) {
                return false;
            }
            return issuers.lookup(l).isPresent() || ORG_SUFFIX.matcher(l).find()
                    || issuers.longestPrefix(l).map(p -> p.length() == l.length()).orElse(false);
        }

        /** The file's own metadata (a web page's table) wins over the text; a disagreement is noted. */
        void applyMetadata() {
            if (metadata.title() != null && !metadata.title().isBlank()) {
                String t = TextNormalizer.tidySpaces(TextCleaner.strip(metadata.title()));
                if (title != null && !title.replaceAll("\\s", "").equals(t.replaceAll("\\s", ""))) {
                    warnings.add("title from the page's metadata used instead of the text's '" + title + "'");
                }
                title = t;
            }
            if (metadata.docNumber() != null && !metadata.docNumber().isBlank()) {
                Optional<DocNumber> dn = DocNumbers.parse(TextCleaner.strip(metadata.docNumber()));
                if (dn.isPresent()) {
                    if (docNumber != null && !docNumber.canonical().equals(dn.get().canonical())) {
                        warnings.add("document number from the page's metadata used instead of the text's '" + docNumberAsWritten + "'");
                    }
                    docNumber = dn.get();
                    docNumberAsWritten = TextCleaner.strip(metadata.docNumber());
                } else {
                    warnings.add("the page's metadata gives a document number that cannot be read: " + metadata.docNumber());
                }
            }
            if (metadata.date() != null && !metadata.date().isBlank()) {
                String written = TextCleaner.strip(metadata.date());
                Optional<java.time.LocalDate> d = metadataDate(written);
                if (d.isPresent()) {
                    if (date != null && !date.iso.equals(d.get().toString())) {
                        warnings.add("date from the page's metadata used instead of the text's '" + date.asWritten + "'");
                    }
                    date = new LocalDateHolder(d.get().toString(), written);
                } else {
                    warnings.add("the page's metadata gives a date that cannot be read: " + written);
                }
            }
        }

        IssuerChoice chooseIssuer() {
            List<String> candidates = new ArrayList<>();
            if (metadata.issuer() != null && !metadata.issuer().isBlank()) {
                candidates.add(TextNormalizer.tidySpaces(TextCleaner.strip(metadata.issuer())));
            }
            if (markIssuer != null) {
                candidates.add(markIssuer);
            }
            if (signature != null) {
                candidates.add(signature);
            }
            if (title != null) {
                issuers.longestPrefix(title).ifPresent(candidates::add);
                int guan = title.indexOf("关于");
                if (guan >= 2 && guan <= 30) {
                    candidates.add(title.substring(0, guan));
                }
            }
            for (String c : candidates) {
                Optional<Issuer> known = issuers.lookup(c);
                if (known.isPresent()) {
                    return new IssuerChoice(known.get().canonical(), c, known.get().province());
                }
            }
            if (!candidates.isEmpty()) {
                String c = candidates.get(0);
                warnings.add("issuer '" + c + "' is not in issuers.tsv; kept as written");
                return new IssuerChoice(c, c, null);
            }
            if (docNumber != null) {
                Optional<Issuer> byCode = issuers.byAgency(docNumber.agency());
                if (byCode.isPresent()) {
                    warnings.add("issuer guessed from the document number's agency code " + docNumber.agency());
                    return new IssuerChoice(byCode.get().canonical(), null, byCode.get().province());
                }
            }
            warnings.add("no issuer (发文机关) found");
            return new IssuerChoice(null, null, null);
        }

        List<Citation> citations(List<String> paragraphs) {
            Set<Citation> out = new LinkedHashSet<>();
            for (String p : paragraphs) {
                Set<Integer> covered = new java.util.HashSet<>();
                Matcher m = CITATION.matcher(p);
                while (m.find()) {
                    String t = TextNormalizer.tidySpaces(m.group(1));
                    String dn = m.group(2) == null ? null : DocNumbers.parse(m.group(2)).map(DocNumber::canonical).orElse(null);
                    if (dn != null) {
                        covered.add(m.start(2));
                    }
                    if (dn != null || DOC_TITLE_END.matcher(t).find()) {
                        out.add(new Citation(t, dn));
                    }
                }
                Matcher pn = PAREN_NUMBER.matcher(p);
                while (pn.find()) {
                    if (!covered.contains(pn.start(1))) {
                        DocNumbers.parse(pn.group(1)).ifPresent(d -> out.add(new Citation(null, d.canonical())));
                    }
                }
            }
            return List.copyOf(out);
        }

        List<String> campaigns(String title, List<String> paragraphs) {
            Set<String> out = new LinkedHashSet<>();
            List<String> texts = new ArrayList<>();
            if (title != null) {
                texts.add(title);
            }
            texts.addAll(paragraphs);
            for (String p : texts) {
                Matcher m = QUOTED.matcher(p);
                while (m.find()) {
                    String name = TextNormalizer.tidySpaces(m.group(1));
                    for (String suffix : campaignSuffixes) {
                        if (name.endsWith(suffix) && name.length() > suffix.length()) {
                            out.add(name);
                            break;
                        }
                    }
                }
            }
            return List.copyOf(out);
        }
    }

    /** A 印发 line ends in 印发; checking that first keeps the regex off almost every body line. */
    private static boolean mayBePrinted(String half) {
        return half.endsWith("发") && half.indexOf('印') >= 0;
    }

    private static boolean isPrinted(String half) {
        return mayBePrinted(half) && PRINTED.matcher(half).matches();
    }

    private static final Pattern HEADING_START = ParagraphBuilder.HEADING;

    /** 签发人 names: a name padded to width (王  芳) is one name; names set apart by spaces stay apart. */
    static String signerName(String s) {
        String[] tokens = TextCleaner.strip(s).split("[\\s\u3000\u00A0]+");
        boolean padded = java.util.Arrays.stream(tokens).allMatch(t -> t.codePointCount(0, t.length()) == 1);
        return String.join(padded ? "" : " ", tokens);
    }

    private static String cleanItem(String s) {
        return TextNormalizer.tidySpaces(s.strip());
    }

    /** Ends with 。！？ (perhaps before closing quotes or brackets): a sentence of the body is complete. */
    private static boolean endsClosedSentence(String line) {
        return ParagraphBuilder.endsSentence(line) && !endsWithColon(line.replaceAll("[”’）)」』】〕》]+$", ""))
                && !line.replaceAll("[”’）)」』】〕》]+$", "").endsWith("；");
    }

    private static boolean endsWithColon(String line) {
        return line.endsWith("：") || line.endsWith(":");
    }

    static boolean hasSentencePunct(String line) {
        return line.indexOf('。') >= 0 || line.indexOf('；') >= 0 || line.indexOf('！') >= 0 || line.indexOf('？') >= 0;
    }

    private static final Pattern NUMERIC_DATE = Pattern.compile("^(\\d{4})\\s*[-./年]\\s*(\\d{1,2})\\s*[-./月]\\s*(\\d{1,2})\\s*日?$");

    /** A metadata date: 2024年3月5日, 二〇二四年三月五日, 2024-03-05 or 2024/3/5. */
    static Optional<java.time.LocalDate> metadataDate(String s) {
        Optional<ChineseDates.Found> f = ChineseDates.find(s);
        if (f.isPresent()) {
            return Optional.of(f.get().date());
        }
        Matcher m = NUMERIC_DATE.matcher(TextNormalizer.halfWidth(s).strip());
        if (m.matches()) {
            try {
                return Optional.of(java.time.LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            } catch (java.time.DateTimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private record LocalDateHolder(String iso, String asWritten) {}

    private record IssuerChoice(String canonical, String asWritten, String province) {}
}
