package org.megacity.legislation.draft;

import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a draft as an Akoma Ntoso 3.0 {@code <bill>} (OASIS LegalDocML): {@code meta/identification}
 * with the FRBR Work, Expression and Manifestation (country {@code cn}, language {@code zho}), a
 * {@code preface} with the title and the adoption lines, a {@code preamble} where the text has one,
 * and a {@code body} of book / hcontainer (sub-book) / chapter / section / article / paragraph /
 * list / point with {@code num} and {@code heading}. Every element carries its {@code eId}; a
 * {@code wId} is written where it differs (naming convention §5.5), i.e. where an element was
 * renumbered or moved since it first appeared.
 */
public final class AkomaNtoso {

    public static final String NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
    public static final String MEDIA_TYPE = "application/akn+xml";

    /**
     * Who and what the document is.
     *
     * @param workUri     the Work IRI, e.g. {@code /akn/cn/bill/2026-03-01/42}
     * @param workDate    when the bill was introduced
     * @param version     the version (expression) number, 1, 2, …
     * @param versionDate when this version was made
     * @param drafter     the drafting body, shown as the FRBR author
     * @param generated   the date of this manifestation
     */
    public record Identification(String workUri, LocalDate workDate, int version, LocalDate versionDate, String drafter,
            LocalDate generated) {
    }

    private final XMLStreamWriter xml;
    private final Map<String, String> workIds;

    private AkomaNtoso(XMLStreamWriter xml, Map<String, String> workIds) {
        this.xml = xml;
        this.workIds = workIds;
    }

    /**
     * Writes {@code draft} to {@code out}.
     *
     * @param workIds {@code eId → wId} of the version (see {@link WorkIds}); missing ids are taken as equal
     */
    public static void write(Draft draft, Map<String, String> workIds, Identification id, Writer out) {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            new AkomaNtoso(xml, workIds).document(draft, id);
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing Akoma Ntoso failed", e);
        }
    }

    private void document(Draft draft, Identification id) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("akomaNtoso");
        xml.writeDefaultNamespace(NAMESPACE);
        xml.writeStartElement("bill");
        xml.writeAttribute("name", "bill");
        meta(draft, id);
        xml.writeStartElement("preface");
        xml.writeStartElement("p");
        xml.writeAttribute("class", "title");
        xml.writeStartElement("docTitle");
        xml.writeCharacters(draft.title() == null ? "" : draft.title());
        xml.writeEndElement();
        xml.writeEndElement();
        for (String line : draft.history()) {
            paragraph(line, "history");
        }
        xml.writeEndElement();
        if (!draft.preamble().isEmpty()) {
            xml.writeStartElement("preamble");
            for (String line : draft.preamble()) {
                paragraph(line, null);
            }
            xml.writeEndElement();
        }
        xml.writeStartElement("body");
        nodes(draft.body());
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndDocument();
    }

    private void meta(Draft draft, Identification id) throws XMLStreamException {
        String expression = id.workUri() + "/zho@v" + id.version();
        xml.writeStartElement("meta");
        xml.writeStartElement("identification");
        xml.writeAttribute("source", "#megacity");
        xml.writeStartElement("FRBRWork");
        value("FRBRthis", id.workUri() + "/!main");
        value("FRBRuri", id.workUri());
        date(id.workDate(), "introduction");
        author("#drafter");
        value("FRBRcountry", "cn");
        if (draft.title() != null) {
            value("FRBRname", draft.title());
        }
        xml.writeEndElement();
        xml.writeStartElement("FRBRExpression");
        value("FRBRthis", expression + "/!main");
        value("FRBRuri", expression);
        date(id.versionDate(), "version");
        author("#drafter");
        value("FRBRversionNumber", Integer.toString(id.version()));
        xml.writeEmptyElement("FRBRlanguage");
        xml.writeAttribute("language", "zho");
        xml.writeEndElement();
        xml.writeStartElement("FRBRManifestation");
        value("FRBRthis", expression + "/!main.xml");
        value("FRBRuri", expression + ".akn");
        date(id.generated(), "generation");
        author("#megacity");
        value("FRBRformat", MEDIA_TYPE);
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeStartElement("references");
        xml.writeAttribute("source", "#megacity");
        organization("megacity", "/akn/ontology/organization/cn.megacity", "Megacity Governance Platform");
        organization("drafter", "/akn/ontology/organization/cn.drafter",
                id.drafter() == null || id.drafter().isBlank() ? "起草单位" : id.drafter());
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void value(String element, String value) throws XMLStreamException {
        xml.writeEmptyElement(element);
        xml.writeAttribute("value", value);
    }

    private void date(LocalDate date, String name) throws XMLStreamException {
        xml.writeEmptyElement("FRBRdate");
        xml.writeAttribute("date", date.toString());
        xml.writeAttribute("name", name);
    }

    private void author(String href) throws XMLStreamException {
        xml.writeEmptyElement("FRBRauthor");
        xml.writeAttribute("href", href);
    }

    private void organization(String eId, String href, String showAs) throws XMLStreamException {
        xml.writeEmptyElement("TLCOrganization");
        xml.writeAttribute("eId", eId);
        xml.writeAttribute("href", href);
        xml.writeAttribute("showAs", showAs);
    }

    private void paragraph(String text, String cssClass) throws XMLStreamException {
        xml.writeStartElement("p");
        if (cssClass != null) {
            xml.writeAttribute("class", cssClass);
        }
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private void ids(String eId) throws XMLStreamException {
        xml.writeAttribute("eId", eId);
        String wId = workIds.get(eId);
        if (wId != null && !wId.equals(eId)) {
            xml.writeAttribute("wId", wId);
        }
    }

    private void nodes(List<Node> nodes) throws XMLStreamException {
        for (Node node : nodes) {
            switch (node) {
                case Division d -> division(d);
                case Article a -> article(a);
            }
        }
    }

    private void division(Division division) throws XMLStreamException {
        xml.writeStartElement(division.level().element());
        ids(division.eId());
        if (division.level().element().equals("hcontainer")) {
            xml.writeAttribute("name", division.level().ref());
        }
        if (!division.num().isEmpty()) {
            text("num", division.num());
        }
        if (!division.heading().isEmpty()) {
            text("heading", division.heading());
        }
        nodes(division.children());
        xml.writeEndElement();
    }

    private void article(Article article) throws XMLStreamException {
        xml.writeStartElement("article");
        ids(article.eId());
        text("num", article.number().text());
        if (article.heading() != null) {
            text("heading", article.heading());
        }
        for (Paragraph paragraph : article.paragraphs()) {
            xml.writeStartElement("paragraph");
            ids(paragraph.eId());
            if (paragraph.items().isEmpty()) {
                content(paragraph.lead());
            } else {
                xml.writeStartElement("list");
                xml.writeAttribute("eId", paragraph.listEId());
                intro(paragraph.lead());
                for (Item item : paragraph.items()) {
                    point(item);
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private void point(Item item) throws XMLStreamException {
        xml.writeStartElement("point");
        ids(item.eId());
        text("num", item.num());
        if (item.subItems().isEmpty()) {
            content(item.text());
        } else {
            xml.writeStartElement("list");
            xml.writeAttribute("eId", item.listEId());
            intro(item.text());
            for (SubItem sub : item.subItems()) {
                xml.writeStartElement("point");
                ids(sub.eId());
                text("num", sub.num());
                content(sub.text());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private void intro(String text) throws XMLStreamException {
        if (!text.isEmpty()) {
            xml.writeStartElement("intro");
            paragraph(text, null);
            xml.writeEndElement();
        }
    }

    private void content(String text) throws XMLStreamException {
        xml.writeStartElement("content");
        paragraph(text, null);
        xml.writeEndElement();
    }

    private void text(String element, String text) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
