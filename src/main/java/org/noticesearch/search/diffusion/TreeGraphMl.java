package org.noticesearch.search.diffusion;

import java.io.Writer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A forwarding tree as GraphML (for Gephi, yEd, igraph, networkx): one node per notice with its attributes, one
 * directed edge from each cited notice to each notice citing it. Written through the JDK's StAX writer, which escapes
 * the text; a repeated notice becomes one more edge to its node, not a second node.
 */
public final class TreeGraphMl {
    static final String NS = "http://graphml.graphdrawing.org/xmlns";
    /** Node attributes: GraphML key id, attribute name, type. */
    private static final List<String[]> NODE_KEYS = List.of(
            new String[]{"title", "string"}, new String[]{"docNumber", "string"}, new String[]{"issuer", "string"},
            new String[]{"province", "string"}, new String[]{"level", "string"}, new String[]{"date", "string"},
            new String[]{"year", "int"}, new String[]{"lagDays", "long"}, new String[]{"forwarding", "string"},
            new String[]{"notShown", "int"});

    private TreeGraphMl() {}

    /** Writes the tree to {@code out} (not closed). */
    public static void write(ForwardingTree.Tree tree, Writer out) throws XMLStreamException {
        XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        w.writeStartDocument("UTF-8", "1.0");
        w.writeStartElement("graphml");
        w.writeDefaultNamespace(NS);
        for (String[] k : NODE_KEYS) {
            w.writeEmptyElement("key");
            w.writeAttribute("id", k[0]);
            w.writeAttribute("for", "node");
            w.writeAttribute("attr.name", k[0]);
            w.writeAttribute("attr.type", k[1]);
        }
        w.writeStartElement("graph");
        w.writeAttribute("id", "tree-" + tree.root().id());
        w.writeAttribute("edgedefault", "directed");
        nodes(w, tree.root(), new HashSet<>());
        edges(w, tree.root(), new int[]{0});
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndDocument();
        w.flush();
    }

    private static void nodes(XMLStreamWriter w, ForwardingTree.Node n, Set<String> written) throws XMLStreamException {
        if (!Boolean.TRUE.equals(n.repeat()) && written.add(n.id())) {
            w.writeStartElement("node");
            w.writeAttribute("id", n.id());
            data(w, "title", n.title());
            data(w, "docNumber", n.docNumber());
            data(w, "issuer", n.issuer());
            data(w, "province", n.province());
            data(w, "level", n.level());
            data(w, "date", n.date());
            data(w, "year", n.year());
            data(w, "lagDays", n.lagDays());
            data(w, "forwarding", n.forwarding());
            data(w, "notShown", n.notShown());
            w.writeEndElement();
        }
        for (ForwardingTree.Node c : n.children()) {
            nodes(w, c, written);
        }
    }

    private static void edges(XMLStreamWriter w, ForwardingTree.Node n, int[] count) throws XMLStreamException {
        for (ForwardingTree.Node c : n.children()) {
            w.writeEmptyElement("edge");
            w.writeAttribute("id", "e" + count[0]++);
            w.writeAttribute("source", n.id());
            w.writeAttribute("target", c.id());
            edges(w, c, count);
        }
    }

    private static void data(XMLStreamWriter w, String key, Object value) throws XMLStreamException {
        if (value != null) {
            w.writeStartElement("data");
            w.writeAttribute("key", key);
            w.writeCharacters(value.toString());
            w.writeEndElement();
        }
    }
}
