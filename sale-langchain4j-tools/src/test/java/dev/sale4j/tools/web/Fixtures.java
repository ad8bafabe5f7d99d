package dev.sale4j.tools.web;

import dev.sale4j.tools.SharedData;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** Test fixtures: saved real pages from shared/data and hand-made ones from test resources. */
final class Fixtures {

    private Fixtures() {
    }

    static String savedDuckDuckGoPage() {
        try {
            return Files.readString(SharedData.path("search-fixtures/sep-duckduckgo-Hello-2021-05-10.html"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /web/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
