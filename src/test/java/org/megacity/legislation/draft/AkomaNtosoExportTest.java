package org.megacity.legislation.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The Akoma Ntoso export of every real regulation validates against the OASIS schema (src/test/resources/akn). */
public class AkomaNtosoExportTest {

    static final List<Regulations.Expected> regulations = Regulations.ALL;
    private static final Schema SCHEMA = schema();

    /** The Akoma Ntoso 3.0 schema, compiled once. */
    public static Schema schema() {
        if (SCHEMA != null) {
            return SCHEMA;
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            return factory.newSchema(AkomaNtosoExportTest.class.getResource("/akn/akomantoso30.xsd"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Validates {@code xml}, throwing with the schema's message (line and column) when it is invalid. */
    public static void validate(String xml) throws Exception {
        schema().newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    static String export(Draft draft, Map<String, String> workIds, int version) {
        StringWriter out = new StringWriter();
        AkomaNtoso.write(draft, workIds, new AkomaNtoso.Identification("/akn/cn/bill/2026-03-01/7",
                LocalDate.of(2026, 3, 1), version, LocalDate.of(2026, 4, 1), "市城市管理局", LocalDate.of(2026, 4, 2)), out);
        return out.toString();
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("regulations")
    void everyRegulationExportsToAValidBill(Regulations.Expected expected) throws Exception {
        Draft draft = Regulations.parse(expected.text());
        String xml = export(draft, WorkIds.initial(draft), 1);
        validate(xml);

        Document doc = dom(xml);
        var xpath = XPathFactory.newInstance().newXPath();
        assertThat(((NodeList) xpath.evaluate("//*[local-name()='article']", doc, XPathConstants.NODESET)).getLength())
                .isEqualTo(expected.articles());
        assertThat(((NodeList) xpath.evaluate("//*[local-name()='chapter']", doc, XPathConstants.NODESET)).getLength())
                .isEqualTo(expected.chapters().size());
        assertThat(xpath.evaluate("//*[local-name()='FRBRWork']/*[local-name()='FRBRcountry']/@value", doc)).isEqualTo("cn");
        assertThat(xpath.evaluate("//*[local-name()='FRBRExpression']/*[local-name()='FRBRlanguage']/@language", doc))
                .isEqualTo("zho");
        assertThat(xpath.evaluate("//*[local-name()='docTitle']", doc)).isEqualTo(draft.title());
        assertThat(xpath.evaluate("//*[local-name()='article'][1]/*[local-name()='num']", doc)).isEqualTo("第一条");
        assertThat(xpath.evaluate("count(//*[@wId])", doc)).isEqualTo("0");
    }

    @Test
    void booksSubBooksClosingProvisionsSubItemsAndWorkIdsValidateToo() throws Exception {
        String text = """
                某法
                序言
                为了试验，制定本法。
                第一编 总则
                第一章 一般规定
                第一条 下列事项：
                （一）甲：
                1. 子目一；
                2. 子目二；
                （二）乙。
                第二编 分则
                第一分编 通则
                第一章 规定
                第一节 一般
                第二条 二。
                附则
                第三条 本法自公布之日起施行。
                """;
        Draft first = Regulations.parse(text);
        Draft second = Regulations.parse(text.replace("第一条 下列事项：", "第一条 新增。\n第二条 下列事项：")
                .replace("第二条 二。", "第三条 二。").replace("第三条 本法", "第四条 本法"));
        DraftComparison diff = DraftComparison.between(first, second);
        Map<String, String> ids = WorkIds.carriedOver(first, WorkIds.initial(first), second, diff, Set.of(), 2);
        String xml = export(second, ids, 2);
        validate(xml);
        Document doc = dom(xml);
        var xpath = XPathFactory.newInstance().newXPath();
        assertThat(xpath.evaluate("//*[@eId='book_1__chp_1__art_2']/@wId", doc)).isEqualTo("book_1__chp_1__art_1");
        assertThat(xpath.evaluate("//*[@eId='book_1__chp_1__art_1']/@wId", doc)).isEqualTo("book_1__chp_1__art_1v2");
        assertThat(xpath.evaluate("//*[@eId='book_1__chp_1__art_2__para_1__list_1__point_1__list_1__point_2']/@wId", doc))
                .isEqualTo("book_1__chp_1__art_1__para_1__list_1__point_1__list_1__point_2");
        assertThat(xpath.evaluate("//*[local-name()='hcontainer'][@name='subbook']/@eId", doc)).isEqualTo("book_2__subbook_1");
        assertThat(xpath.evaluate("//*[local-name()='hcontainer'][@name='closing']/*[local-name()='heading']", doc))
                .isEqualTo("附则");
        assertThat(xpath.evaluate("//*[local-name()='preamble']/*[local-name()='p']", doc)).isEqualTo("为了试验，制定本法。");
    }

    private static Document dom(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }
}
