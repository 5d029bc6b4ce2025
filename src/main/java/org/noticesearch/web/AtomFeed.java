package org.noticesearch.web;

import java.io.Writer;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.noticesearch.util.Html;
import org.noticesearch.search.SearchHit;
import org.noticesearch.search.SearchPage;

/**
 * A page of hits as an Atom 1.0 feed (RFC 4287), written with the JDK's XMLStreamWriter, which escapes every text
 * and attribute. A notice's {@code updated} is its 成文日期 at midnight in China (+08:00); a notice known only by its
 * year counts from 1 January; one with no date at all from the epoch, so that it never claims to be new. The feed's
 * {@code updated} is its newest entry's, so an unchanged result gives an unchanged feed.
 */
final class AtomFeed {
    static final String CONTENT_TYPE = "application/atom+xml; charset=utf-8";
    private static final String NS = "http://www.w3.org/2005/Atom";
    static final String NO_DATE = "1970-01-01T00:00:00Z";
    /** The author when a notice names no issuer, and the feed's own. */
    static final String SITE = "公文检索";

    private AtomFeed() {}

    /**
     * Writes the feed. {@code origin} is scheme://host[:port]; {@code selfUrl} the feed's own URL (its id too: the same
     * query is the same feed); {@code pageUrl} the search page showing the same results.
     */
    static void write(Writer out, SearchPage page, String origin, String selfUrl, String pageUrl) throws XMLStreamException {
        XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        x.writeStartDocument("utf-8", "1.0");
        x.writeStartElement("feed");
        x.writeDefaultNamespace(NS);
        text(x, "id", selfUrl);
        text(x, "title", page.query().isEmpty() ? SITE + "：全部公文" : SITE + "：" + page.query());
        text(x, "updated", page.hits().stream().map(AtomFeed::updated).max(String::compareTo).orElse(NO_DATE));
        link(x, "self", selfUrl, CONTENT_TYPE.substring(0, CONTENT_TYPE.indexOf(';')));
        link(x, "alternate", pageUrl, "text/html");
        x.writeStartElement("author");
        text(x, "name", SITE);
        x.writeEndElement();
        text(x, "generator", "Notice Search");
        for (SearchHit h : page.hits()) {
            String url = origin + ApiJson.noticePage(h.id(), null);
            x.writeStartElement("entry");
            text(x, "id", url);
            text(x, "title", h.title() == null || h.title().isBlank() ? h.id() : h.title());
            link(x, "alternate", url, "text/html");
            text(x, "updated", updated(h));
            if (h.date() != null) {
                text(x, "published", updated(h));
            }
            x.writeStartElement("author");
            text(x, "name", h.issuer() == null || h.issuer().isBlank() ? SITE : h.issuer());
            x.writeEndElement();
            if (h.type() != null && !h.type().isBlank()) {
                x.writeEmptyElement("category");
                x.writeAttribute("term", clean(h.type()));
            }
            x.writeStartElement("summary");
            x.writeAttribute("type", "text");
            x.writeCharacters(clean(summary(h)));
            x.writeEndElement();
            x.writeEndElement();
        }
        x.writeEndElement();
        x.writeEndDocument();
        x.flush();
    }

    /** The 发文字号 and the snippets as plain text: the snippets' {@code <mark>} tags dropped and their escapes undone. */
    static String summary(SearchHit h) {
        List<String> parts = new java.util.ArrayList<>();
        if (h.docNumber() != null) {
            parts.add(h.docNumber());
        }
        for (String s : h.snippets()) {
            parts.add(Html.unescape(s.replace("<mark>", "").replace("</mark>", "")));
        }
        return String.join(" … ", parts);
    }

    static String updated(SearchHit h) {
        if (h.date() != null && h.date().matches("\\d{4}-\\d{2}-\\d{2}")) {
            return h.date() + "T00:00:00+08:00";
        }
        if (h.year() != null && h.year() > 0 && h.year() <= 9999) {
            return String.format("%04d-01-01T00:00:00+08:00", h.year());
        }
        return NO_DATE;
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(clean(value));
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("type", type);
        x.writeAttribute("href", clean(href));
    }

    /** Drops the characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF). */
    static String clean(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c < 0xFFFE)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The hits a feed lists when the request gives no size. */
    static final int DEFAULT_ENTRIES = 20;

}
