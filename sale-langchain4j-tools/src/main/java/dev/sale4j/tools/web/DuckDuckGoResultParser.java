package dev.sale4j.tools.web;

import dev.langchain4j.web.search.WebSearchOrganicResult;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Parses result pages of DuckDuckGo's HTML endpoint ({@code html.duckduckgo.com/html/}), both the current markup,
 * whose links go through {@code //duckduckgo.com/l/?uddg=<target>} redirects, and the older markup with direct links.
 * Ads ({@code .result--ad}, {@code y.js} links) and non-http results are skipped; duplicates are dropped.
 */
final class DuckDuckGoResultParser {

    private DuckDuckGoResultParser() {
    }

    static List<WebSearchOrganicResult> parse(String html) {
        Document doc = Jsoup.parse(html, "https://html.duckduckgo.com/html/");
        List<WebSearchOrganicResult> results = new ArrayList<>();
        Set<URI> seen = new LinkedHashSet<>();
        for (Element result : doc.select("div.result, div.web-result")) {
            if (result.hasClass("result--ad") || result.parents().hasClass("result")) {
                continue;
            }
            Element link = result.selectFirst("a.result__a");
            if (link == null) {
                continue;
            }
            URI url = targetOf(link.attr("href"));
            String title = link.text().strip();
            if (url == null || title.isEmpty() || !seen.add(url)) {
                continue;
            }
            Element snippet = result.selectFirst(".result__snippet");
            Element display = result.selectFirst(".result__url");
            results.add(WebSearchOrganicResult.from(title, url, snippet == null ? null : snippet.text().strip(), null,
                    display == null ? Map.of() : Map.of("displayUrl", display.text().strip())));
        }
        return results;
    }

    /** @return the offset of the next page from the "Next" form, if the page has one */
    static OptionalInt nextOffset(String html) {
        Document doc = Jsoup.parse(html);
        for (Element form : doc.select("div.nav-link form")) {
            Element next = form.selectFirst("input[type=submit][value~=(?i)next]");
            Element offset = form.selectFirst("input[name=s]");
            if (next != null && offset != null) {
                try {
                    return OptionalInt.of(Integer.parseInt(offset.attr("value").strip()));
                } catch (NumberFormatException ignored) {
                    return OptionalInt.empty();
                }
            }
        }
        return OptionalInt.empty();
    }

    /** Unwraps {@code //duckduckgo.com/l/?uddg=...} redirects; null for ads, relative or non-http links. */
    static URI targetOf(String href) {
        if (href == null || href.isBlank()) {
            return null;
        }
        String h = href.strip();
        if (h.startsWith("//")) {
            h = "https:" + h;
        }
        try {
            URI uri = new URI(h);
            String host = uri.getHost() == null ? "" : uri.getHost();
            if (host.endsWith("duckduckgo.com")) {
                String path = uri.getPath() == null ? "" : uri.getPath();
                if (!path.startsWith("/l/")) {
                    return null;
                }
                String target = queryParam(uri.getRawQuery(), "uddg");
                return target == null ? null : targetOf(target);
            }
            String scheme = uri.getScheme();
            return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme) ? uri : null;
        } catch (Exception malformed) {
            return null;
        }
    }

    private static String queryParam(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
