package org.noticesearch.ingest.formats;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeVisitor;
import org.noticesearch.ingest.DocNumbers;
import org.noticesearch.ingest.NoticeParseException;
import org.noticesearch.ingest.SourceMetadata;
import org.noticesearch.ingest.TextDecoder;

/**
 * Reads a web page saved from a government site, with jsoup: decodes it (UTF-8 or GBK/GB2312, declared in a meta tag
 * or not), takes the metadata table such sites show (索引号, 发文机关, 发文字号, 成文日期, 标题) as {@link SourceMetadata},
 * and keeps the article body, not the navigation around it.
 */
final class HtmlReader implements FormatReader {
    private static final Pattern META_CHARSET = Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_\\-:.]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Charset GB18030 = Charset.forName("GB18030");

    /** Labels of the metadata table, as sites write them, and the field each fills. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("索引号", "index"), Map.entry("标题", "title"), Map.entry("名称", "title"), Map.entry("文件名称", "title"),
            Map.entry("发文机关", "issuer"), Map.entry("发布机构", "issuer"), Map.entry("发文单位", "issuer"), Map.entry("发布机关", "issuer"),
            Map.entry("成文日期", "date"), Map.entry("发文日期", "date"), Map.entry("发文字号", "docNumber"), Map.entry("文号", "docNumber"),
            // Recognised so that their rows count towards the table, though no field takes them.
            Map.entry("主题分类", ""), Map.entry("发布日期", ""), Map.entry("主题词", ""), Map.entry("有效性", ""), Map.entry("公文种类", ""));

    /** Where government sites' templates put the article; tried before scoring the page. */
    private static final List<String> BODY_SELECTORS = List.of("#UCAP-CONTENT", ".pages_content", ".TRS_Editor", "#zoom", ".zoom",
            "#Zoom", ".article-content", ".article_content", ".artcontent", ".view.TRS_UEDITOR", ".wzcon", "#fontzoom");
    /** Page furniture that is never the article. */
    private static final String NOISE = "script, style, noscript, iframe, form, select, button, input, textarea, nav, header,"
            + " footer, aside, object, embed, svg, canvas, template";
    private static final Set<String> INLINE = Set.of("a", "span", "font", "b", "strong", "em", "i", "u", "sub", "sup", "small",
            "big", "label", "s", "strike", "ins", "del", "abbr", "cite", "code", "mark", "q", "tt", "var", "o:p", "st1:chsdate");
    private static final Set<String> BLOCK = Set.of("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul",
            "ol", "section", "article", "blockquote", "pre", "dd", "dt", "dl", "center", "tbody", "thead", "main", "hr", "address");

    @Override
    public Extraction read(String source, byte[] bytes) throws Exception {
        String[] decoded = decode(source, bytes);
        Document page = Jsoup.parse(decoded[0]);
        Map<String, String> meta = new HashMap<>();
        Element body = page.body();
        for (Element table : metadataBlocks(body, meta)) {
            table.remove();
        }
        body.select(NOISE).remove();
        Element article = article(body);
        String title = meta.get("title");
        if (title == null) {
            title = pageTitle(page, article);
        }
        String text = render(article);
        if (text.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            throw new NoticeParseException(source, "the page has no Chinese article text");
        }
        text = withTitle(text, title);
        SourceMetadata md = new SourceMetadata(meta.get("title"), meta.get("issuer"), meta.get("docNumber"), meta.get("date"),
                meta.get("index"));
        return new Extraction(text, decoded[1], md, List.of(), List.of());
    }

    /** The page's text and a description of its encoding. */
    static String[] decode(String source, byte[] b) throws NoticeParseException {
        String head = new String(b, 0, Math.min(b.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        boolean bom = Sniff.startsWith(b, 0xEF, 0xBB, 0xBF) || Sniff.startsWith(b, 0xFF, 0xFE) || Sniff.startsWith(b, 0xFE, 0xFF);
        if (m.find() && !bom) {
            String declared = m.group(1).toLowerCase(Locale.ROOT);
            Charset cs = charsetFor(declared);
            if (cs != null) {
                String s = strict(b, cs);
                if (s != null) {
                    return new String[]{s, cs.name() + (cs.equals(GB18030) && !declared.equals("gb18030") ? " (declared " + declared + ")" : "")};
                }
            }
            // A wrong declaration (a GBK page saying utf-8) is common: fall back to detection.
        }
        TextDecoder.Decoded d = new TextDecoder().decode(source, b);
        return new String[]{d.text(), d.encoding()};
    }

    private static Charset charsetFor(String declared) {
        // GB2312 and GBK pages routinely use characters beyond their set: GB18030 reads them all.
        if (declared.startsWith("gb") || declared.equals("x-gbk") || declared.equals("cp936") || declared.equals("windows-936")) {
            return GB18030;
        }
        try {
            return Charset.forName(declared);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String strict(byte[] b, Charset cs) {
        try {
            int off = Sniff.startsWith(b, 0xEF, 0xBB, 0xBF) ? 3 : 0;
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, off, b.length - off)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Fills {@code meta} from label/value pairs; returns the blocks (tables, lists) holding two or more of them. */
    static List<Element> metadataBlocks(Element body, Map<String, String> meta) {
        Map<Element, Integer> blocks = new HashMap<>();
        for (Element el : body.getAllElements()) {
            String own = clean(el.ownText());
            if (own.isEmpty() || own.length() > 40) {
                continue;
            }
            String label = labelOf(own);
            String field = label == null ? null : LABELS.get(label);
            if (field == null) {
                continue;
            }
            String value = clean(el.text());
            int colon = colonAt(value);
            value = colon >= 0 ? value.substring(colon + 1).strip() : "";
            if (value.isEmpty()) {
                value = nextValue(el);
            }
            if (value.isEmpty() || value.length() > 200) {
                continue;
            }
            if (!field.isEmpty()) {
                meta.putIfAbsent(field, value);
            }
            Element block = el.closest("table, ul, dl");
            if (block == null) {
                block = el.parent() != null && el.parent() != body ? el.parent() : el;
            }
            blocks.merge(block, 1, Integer::sum);
        }
        List<Element> out = new ArrayList<>();
        int rows = 0;
        for (Map.Entry<Element, Integer> e : blocks.entrySet()) {
            rows += e.getValue();
            // Only a compact block of metadata goes, never a layout table that happens to hold one label and the article.
            if (e.getValue() >= 2 && e.getKey().text().length() <= 800) {
                out.add(e.getKey());
            }
        }
        if (rows < 2) {
            // One stray "标题：" is not a metadata table.
            meta.clear();
            return List.of();
        }
        return out;
    }

    private static String nextValue(Element el) {
        for (Element e = el; e != null && !e.tagName().equals("body"); e = e.parent()) {
            Element next = e.nextElementSibling();
            if (next != null) {
                String t = clean(next.text());
                String label = labelOf(t);
                return label != null && LABELS.containsKey(label) ? "" : t;
            }
        }
        return "";
    }

    /** "索 引 号：" or "发文机关" → the label without spaces, or null when the text is no label. */
    static String labelOf(String text) {
        int colon = colonAt(text);
        String l = (colon >= 0 ? text.substring(0, colon) : text).replaceAll("[\\s\u3000\u00A0]", "");
        return l.length() >= 2 && l.length() <= 8 && l.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                ? l : null;
    }

    private static int colonAt(String s) {
        int a = s.indexOf('：');
        int b = s.indexOf(':');
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }

    private static String clean(String s) {
        return s.replace('\u00A0', ' ').replace('\u3000', ' ').strip();
    }

    /** The article: a known template container, else the element that gathers the most paragraph text. */
    static Element article(Element body) {
        for (String sel : BODY_SELECTORS) {
            Elements found = body.select(sel);
            for (Element e : found) {
                if (han(e.text()) >= 20) {
                    return e;
                }
            }
        }
        Map<Element, Double> score = new HashMap<>();
        for (Element el : body.getAllElements()) {
            if (INLINE.contains(el.normalName()) || el.closest("a") != null) {
                continue;
            }
            int c = 0;
            for (Node child : el.childNodes()) {
                if (child instanceof TextNode t) {
                    c += han(t.getWholeText());
                } else if (child instanceof Element ce && INLINE.contains(ce.normalName()) && !ce.normalName().equals("a")) {
                    c += han(ce.select("a").isEmpty() ? ce.text() : ce.text().replace(ce.select("a").text(), ""));
                }
            }
            if (c == 0) {
                continue;
            }
            score.merge(el, (double) c, Double::sum);
            Element parent = el.parent();
            if (parent != null) {
                score.merge(parent, (double) c, Double::sum);
                if (parent.parent() != null) {
                    score.merge(parent.parent(), c / 2.0, Double::sum);
                }
            }
        }
        return score.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(body);
    }

    /** Meta tags government sites (and others) put the article's title in, most specific first. */
    private static final List<String> TITLE_METAS = List.of("meta[name=ArticleTitle]", "meta[name=articletitle]",
            "meta[property=og:title]", "meta[name=title]", "meta[name=Title]");
    /** What sets the site's name apart in a page's {@code <title>}: 标题_中国政府网, 标题 - 北京市中医管理局, 标题|网站. */
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s*(?:_|\\||｜|\\s[-－–—]{1,2}\\s|--)\\s*");

    /** The article's title: a heading of the article or page, a title meta tag, or the page's {@code <title>} less the site's name. */
    static String pageTitle(Document page, Element article) {
        Element h = article.selectFirst("h1, h2");
        if (h == null) {
            h = page.selectFirst("h1, .article-title, .article_title, .title");
        }
        if (h != null && han(h.text()) >= 4) {
            return clean(h.text());
        }
        for (String sel : TITLE_METAS) {
            Element mt = page.selectFirst(sel);
            if (mt != null && han(mt.attr("content")) >= 4) {
                return clean(mt.attr("content"));
            }
        }
        return withoutSiteName(page.title());
    }

    /** 国务院关于…的通知_中国政府网 → 国务院关于…的通知: the longest part, when the title is made of several; null if no part is a title. */
    static String withoutSiteName(String pageTitle) {
        if (pageTitle == null) {
            return null;
        }
        String best = null;
        for (String part : TITLE_SEPARATOR.split(clean(pageTitle))) {
            String p = clean(part);
            if (han(p) >= 4 && (best == null || han(p) > han(best))) {
                best = p;
            }
        }
        return best;
    }

    /** How many lines at the head of an article may come before its title line (issuer mark, number, date). */
    private static final int TITLE_WITHIN_LINES = 5;
    /** How many lines a title may be wrapped over. */
    private static final int TITLE_LINES = 4;

    /**
     * The article text with the title at its head where the article itself does not open with it. The title counts as
     * present only as lines of their own near the top: the same words quoted later (相关解读：《…》) are no title line.
     */
    static String withTitle(String text, String title) {
        if (title == null || title.isBlank()) {
            return text;
        }
        String squeezedTitle = title.replaceAll("\\s", "");
        List<String> lines = new ArrayList<>(text.lines().toList());
        List<String> head = lines.stream().map(l -> l.replaceAll("\\s", "")).filter(l -> !l.isEmpty()).toList();
        for (int i = 0; i < Math.min(TITLE_WITHIN_LINES, head.size()); i++) {
            String joined = String.join("", head.subList(i, Math.min(head.size(), i + TITLE_LINES)));
            if (joined.startsWith(squeezedTitle)) {
                return text;
            }
        }
        int at = 0;
        // The issuer's mark and the document number stand above the title.
        while (at < lines.size() && at < 4 && (lines.get(at).isBlank() || DocNumbers.parse(lines.get(at).strip()).isPresent()
                || lines.get(at).strip().endsWith("文件"))) {
            at++;
        }
        lines.add(at, title);
        return String.join("\n", lines) + "\n";
    }

    /** Text of an element, one line per block, table cells set apart by a gap. */
    static String render(Element root) {
        StringBuilder out = new StringBuilder();
        root.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    boolean pre = t.parent() instanceof Element pe && pe.closest("pre, textarea") != null;
                    String s = pre ? t.getWholeText() : t.getWholeText().replaceAll("[ \\t\\r\\n\\f]+", " ");
                    if (!(s.equals(" ") && atLineStart(out))) {
                        out.append(s);
                    }
                } else if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (tag.equals("br")) {
                        out.append('\n');
                    } else if (tag.equals("td") || tag.equals("th")) {
                        if (!atLineStart(out)) {
                            out.append(DocxReader.CELL_GAP);
                        }
                    } else if (BLOCK.contains(tag)) {
                        newline(out);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCK.contains(e.normalName())) {
                    newline(out);
                }
            }
        });
        return out.toString();
    }

    private static boolean atLineStart(StringBuilder b) {
        int i = b.length() - 1;
        while (i >= 0 && b.charAt(i) == ' ') {
            i--;
        }
        return i < 0 || b.charAt(i) == '\n';
    }

    private static void newline(StringBuilder b) {
        if (b.length() > 0 && b.charAt(b.length() - 1) != '\n') {
            b.append('\n');
        }
    }

    static int han(String s) {
        return (int) s.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
    }
}
