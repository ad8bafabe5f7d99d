package dev.sale4j.pool;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.input.PromptTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** Loads the default prompt templates from {@code dev/sale4j/prompts} and renders the shared parts of prompts. */
public final class Prompts {

    private Prompts() {}

    /** The template stored as {@code dev/sale4j/prompts/<name>.txt} on the class path. */
    public static PromptTemplate load(String name) {
        String path = "/dev/sale4j/prompts/" + name + ".txt";
        try (InputStream in = Prompts.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Prompt template " + path + " is missing from the class path");
            }
            return PromptTemplate.from(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read prompt template " + path, e);
        }
    }

    /** The tools as a bullet list of names and descriptions, or "(none)". */
    public static String describeTools(List<ToolSpecification> tools) {
        if (tools.isEmpty()) {
            return "(none)";
        }
        return tools.stream()
                .map(t -> "- " + t.name() + (t.description() == null ? "" : ": " + t.description()))
                .collect(Collectors.joining("\n"));
    }
}
