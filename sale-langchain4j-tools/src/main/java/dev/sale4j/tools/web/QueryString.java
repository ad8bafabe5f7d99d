package dev.sale4j.tools.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds an encoded query string in insertion order, skipping null values. */
final class QueryString {

    private final Map<String, String> params = new LinkedHashMap<>();

    QueryString add(String name, Object value) {
        if (value != null) {
            params.put(name, String.valueOf(value));
        }
        return this;
    }

    QueryString addAll(Map<String, Object> more) {
        if (more != null) {
            more.forEach(this::add);
        }
        return this;
    }

    @Override
    public String toString() {
        return params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
