package dev.sale4j.tools.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Extracts the readable main text of an HTML page with Jsoup: drops scripts, styles, navigation, headers, footers,
 * forms, hidden elements and boilerplate blocks (cookie banners, sidebars, menus, share bars...), picks the main
 * content ({@code main}, {@code article}, {@code [role=main]}, else the body), and renders blocks as lines with
 * Markdown-like headings and list items.
 *
 * @param title the page title ({@code <title>}, else the first {@code h1})
 * @param text  the readable text
 * @param links absolute http(s) links of the main content, text to URL, in page order
 */
record ReadableText(String title, String text, Map<String, String> links) {

    private static final String NOISE = "script, style, noscript, template, iframe, object, embed, svg, canvas, nav, "
            + "header, footer, aside, form, button, select, input, textarea, dialog, [hidden], [aria-hidden=true], "
            + "[role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=search]";
    private static final Pattern BOILERPLATE = Pattern.compile("(?i)(^|[\\s_-])(cookie|consent|banner|sidebar|"
            + "menu|navbar|breadcrumbs?|advert|ads|promo|share|social|related|comments?|newsletter|subscribe|popup|"
            + "modal|skip-link)([\\s_-]|$)");
    private static final int MIN_MAIN_CHARS = 200;

    static ReadableText of(String html, String baseUri) {
        Document doc = Jsoup.parse(html, baseUri);
        String title = doc.title().strip();
        doc.select(NOISE).remove();
        for (Element e : new ArrayList<>(doc.body().select("[class], [id]"))) {
            if (e.parent() != null && !e.tagName().matches("body|main|article")
                    && (BOILERPLATE.matcher(e.className()).find() || BOILERPLATE.matcher(e.id()).find())) {
                e.remove();
            }
        }
        Element root = doc.body();
        Element main = doc.selectFirst("main, article, [role=main]");
        if (main != null && main.text().length() >= MIN_MAIN_CHARS) {
            root = main;
        }
        if (title.isEmpty()) {
            Element h1 = doc.selectFirst("h1");
            title = h1 == null ? "" : h1.text().strip();
        }
        Map<String, String> links = new LinkedHashMap<>();
        for (Element a : root.select("a[href]")) {
            String url = a.absUrl("href");
            if ((url.startsWith("http://") || url.startsWith("https://")) && !links.containsValue(url)) {
                links.putIfAbsent(a.text().strip().isEmpty() ? url : a.text().strip(), url);
            }
        }
        return new ReadableText(title, render(root), links);
    }

    private static String render(Element root) {
        StringBuilder out = new StringBuilder();
        root.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    String t = text.text();
                    if (!t.isBlank()) {
                        boolean needSpace = !out.isEmpty() && !Character.isWhitespace(out.charAt(out.length() - 1))
                                && Character.isWhitespace(t.charAt(0));
                        out.append(needSpace ? " " : "").append(t.strip());
                        if (Character.isWhitespace(t.charAt(t.length() - 1))) {
                            out.append(' ');
                        }
                    }
                } else if (node instanceof Element e) {
                    if (e.tagName().equals("br")) {
                        out.append('\n');
                    } else if (e.isBlock() || e.tagName().matches("h[1-6]|li|tr|p|div|pre|blockquote")) {
                        out.append('\n');
                        if (e.tagName().matches("h[1-6]")) {
                            out.append("#".repeat(e.tagName().charAt(1) - '0')).append(' ');
                        } else if (e.tagName().equals("li")) {
                            out.append("- ");
                        }
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && (e.isBlock() || e.tagName().matches("h[1-6]|li|tr|p"))) {
                    out.append('\n');
                }
            }
        });
        List<String> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            String l = line.replaceAll("[ \\t\\u00a0]+", " ").strip();
            if (!l.isEmpty() && !l.equals("-") && !l.matches("#+")) {
                lines.add(l);
            }
        }
        return String.join("\n", lines);
    }
}
