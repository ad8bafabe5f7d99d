package dev.sale4j.tools.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The agents' system message templates, from resources; {@code {{maxToolCalls}}} is filled in. */
final class Prompts {

    private Prompts() {
    }

    static String load(String name) {
        try (InputStream in = Prompts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource dev/sale4j/tools/agent/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fill(String template, int maxToolCalls) {
        return template.replace("{{maxToolCalls}}", Integer.toString(maxToolCalls));
    }
}
