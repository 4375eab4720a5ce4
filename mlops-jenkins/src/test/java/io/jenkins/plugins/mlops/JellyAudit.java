package io.jenkins.plugins.mlops;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.ProcessingInstruction;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Checks Jelly views against the rules of Jenkins' Content-Security-Policy and escaping: every view declares
 * {@code <?jelly escape-by-default='true'?>}, no {@code <script>} has a body (scripts are files: {@code src} only), no
 * element has an inline event handler ({@code on...=} attribute), and no {@code <script>} or {@code <style>} contains
 * a {@code ${...}} expression. A localized text whose words hold {@code (} is reported too: Stapler would read the
 * rest as arguments, drop it from the page, or fail to compile the view.
 */
final class JellyAudit {
    private JellyAudit() {}

    /**
     * Audits every {@code .jelly} file below a folder.
     *
     * @param folder the folder
     * @return one line per problem, {@code file: problem}; empty if there is none
     * @throws IOException if a file cannot be read
     */
    static List<String> folder(Path folder) throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".jelly")).sorted().toList()) {
                file(file).forEach(problem -> problems.add(folder.relativize(file) + ": " + problem));
            }
        }
        return problems;
    }

    /**
     * Audits one view.
     *
     * @param file the view
     * @return its problems; empty if there is none
     * @throws IOException if it cannot be read
     */
    static List<String> file(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Document document;
        try {
            document = parser().parse(new InputSource(new StringReader(text)));
        } catch (SAXException notXml) {
            return List.of("not well-formed XML: " + notXml.getMessage());
        }
        List<String> problems = new ArrayList<>();
        if (!escapesByDefault(document)) {
            problems.add("no <?jelly escape-by-default='true'?>");
        }
        visit(document.getDocumentElement(), problems);
        Matcher localized = LOCALIZED_WITH_ARGUMENTS.matcher(text);
        while (localized.find()) {
            if (!localized.group(1).matches("[A-Za-z_][A-Za-z0-9_.]*")) {
                problems.add("${%" + localized.group(1) + "(...}: Stapler reads what follows '(' as arguments and '"
                        + localized.group(1) + "' as the key; use a key such as 'throughput' in a .properties file");
            }
        }
        return problems;
    }

    /** A localized text with arguments, {@code ${%key(arguments)}}: group 1 is what Stapler takes as the key. */
    private static final Pattern LOCALIZED_WITH_ARGUMENTS = Pattern.compile("\\$\\{%([^}(]*)\\(");

    private static boolean escapesByDefault(Document document) {
        for (Node node = document.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof ProcessingInstruction pi
                    && "jelly".equals(pi.getTarget())
                    && pi.getData().replace('"', '\'').replace(" ", "").contains("escape-by-default='true'")) {
                return true;
            }
        }
        return false;
    }

    private static void visit(Element element, List<String> problems) {
        String name = element.getLocalName() == null ? element.getTagName() : element.getLocalName();
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String attributeName = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            if (attributeName.toLowerCase(Locale.ROOT).matches("on[a-z]+")) {
                problems.add("inline event handler " + attributeName + "= on <" + name + ">");
            }
        }
        boolean inHtmlNamespace = element.getNamespaceURI() == null;
        if (inHtmlNamespace && ("script".equals(name) || "style".equals(name))) {
            String body = element.getTextContent();
            if (body.contains("${")) {
                problems.add("${...} inside <" + name + ">");
            }
            if ("script".equals(name) && !body.isBlank()) {
                problems.add("inline <script> body (scripts must be files: <script src=...>)");
            }
            if ("script".equals(name) && !element.hasAttribute("src")) {
                problems.add("<script> without src");
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                visit(childElement, problems);
            }
        }
    }

    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e; // reported as a problem of the view, not printed on standard error
                }
            });
            return builder;
        } catch (ParserConfigurationException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
