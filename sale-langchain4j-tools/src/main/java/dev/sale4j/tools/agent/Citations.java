package dev.sale4j.tools.agent;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the URLs an answer cites, and compares URLs the way citations are written (case, fragment, slash). */
final class Citations {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'`\\[\\]{}|\\\\^]+",
            Pattern.CASE_INSENSITIVE);
    private static final String TRAILING = ".,;:!?*_'\"";

    private Citations() {
    }

    /** @return the distinct URLs in {@code text}, in order of first appearance, trailing punctuation removed */
    static List<String> urls(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = URL.matcher(text == null ? "" : text);
        while (m.find()) {
            String url = trim(m.group());
            if (url.length() > "https://".length()) {
                found.add(url);
            }
        }
        return List.copyOf(found);
    }

    private static String trim(String url) {
        String u = url;
        boolean changed = true;
        while (changed && !u.isEmpty()) {
            changed = false;
            char last = u.charAt(u.length() - 1);
            if (TRAILING.indexOf(last) >= 0) {
                u = u.substring(0, u.length() - 1);
                changed = true;
            } else if (last == ')' && count(u, '(') < count(u, ')')) {
                u = u.substring(0, u.length() - 1);
                changed = true;
            }
        }
        return u;
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }

    /** @return a comparison key: scheme and host lower-cased, default port, fragment and trailing slash dropped */
    static String key(String url) {
        try {
            URI uri = URI.create(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || port == 80 && scheme.equals("http")
                    || port == 443 && scheme.equals("https");
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path + query;
        } catch (IllegalArgumentException e) {
            return url.strip();
        }
    }
}
