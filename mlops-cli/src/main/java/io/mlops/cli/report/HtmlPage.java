package io.mlops.cli.report;

import io.mlops.report.Chart;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One self-contained report page, built as a jsoup document: every value is set as text or as an attribute, which
 * jsoup escapes when it writes the page, so no value can become markup. Chart options travel in a {@code
 * data-echarts-option} attribute; the only scripts are ECharts itself and the page's fixed {@code report.js}.
 */
final class HtmlPage {
    /** The attribute that carries a chart's ECharts option as JSON; {@code report.js} draws every element with it. */
    static final String OPTION_ATTRIBUTE = "data-echarts-option";

    private final Document document = Document.createShell("");

    HtmlPage(final String title, final String subtitle) {
        document.outputSettings().charset(StandardCharsets.UTF_8);
        document.head().appendElement("meta").attr("charset", "utf-8");
        document.head()
                .appendElement("meta")
                .attr("name", "viewport")
                .attr("content", "width=device-width, initial-scale=1");
        document.title(title);
        document.head().appendElement("style").appendChild(new DataNode(resource("report.css")));
        document.body().appendElement("h1").text(title);
        document.body().appendElement("p").addClass("subtitle").text(subtitle);
    }

    /**
     * Starts a section.
     *
     * @return the section's element, to add paragraphs, tables and charts to
     */
    Element section(final String heading) {
        Element section = document.body().appendElement("section");
        section.appendElement("h2").text(heading);
        return section;
    }

    /** Adds a table whose first row is the header; cells that look like numbers are aligned right. */
    static Element table(final Element parent, final List<List<String>> rows) {
        Element table = parent.appendElement("table");
        Element head = table.appendElement("thead").appendElement("tr");
        rows.get(0).forEach(cell -> head.appendElement("th").text(cell));
        Element body = table.appendElement("tbody");
        for (List<String> row : rows.subList(1, rows.size())) {
            Element tr = body.appendElement("tr");
            for (String cell : row) {
                Element td = tr.appendElement("td").text(cell);
                if (cell.matches("[+-]?[0-9][0-9.,]*( ms)?")) {
                    td.addClass("number");
                }
            }
        }
        return table;
    }

    /** Adds a grid for charts. */
    static Element charts(final Element parent) {
        return parent.appendElement("div").addClass("charts");
    }

    /** Adds one chart: its title and an element that {@code report.js} draws it in. */
    static Element chart(final Element parent, final Chart chart) {
        Element box = parent.appendElement("div").addClass("chart");
        box.appendElement("h3").text(chart.title());
        box.appendElement("div").addClass("chart-canvas").attr(OPTION_ATTRIBUTE, chart.optionJson());
        return box;
    }

    /**
     * Writes the page with ECharts and {@code report.js} embedded.
     *
     * @return the HTML text
     */
    String html() {
        Document page = document.clone();
        page.body()
                .appendElement("footer")
                .text("Written by mlops report. Charts by Apache ECharts " + EChartsLibrary.version()
                        + ", embedded; the page fetches nothing.");
        page.body().appendElement("script").appendChild(new DataNode(EChartsLibrary.script()));
        page.body().appendElement("script").appendChild(new DataNode(resource("report.js")));
        return page.outerHtml();
    }

    private static String resource(final String name) {
        try (InputStream in = HtmlPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " beside " + HtmlPage.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }
}
