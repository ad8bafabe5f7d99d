package dev.sale4j.tools.web;

import java.net.URI;

/** Validates configured endpoint URLs. */
final class Endpoints {

    private Endpoints() {
    }

    static URI parse(String value, String name) {
        try {
            URI uri = URI.create(value);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("bad");
            }
            return uri;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(name + " must be an absolute http(s) URL such as "
                    + "https://search.example.org, got '" + value + "'");
        }
    }
}
