package dev.sale4j.tools.web;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.exception.LangChain4jException;

/**
 * The {@link PageReader} as a LangChain4j {@code @Tool}. Refusals and failures come back as a one-line message the
 * model can act on, rather than an exception that would end the agent's turn.
 */
public final class PageReaderTool {

    private final PageReader reader;

    public PageReaderTool(PageReader reader) {
        if (reader == null) {
            throw new IllegalArgumentException("reader must not be null; build one with PageReader.builder()");
        }
        this.reader = reader;
    }

    @Tool("Reads a web page and returns its title and main text (no menus, ads or scripts), one window at a time. "
            + "If the answer says there is more, call again with the given offset.")
    public String readPage(@P("the http(s) URL of the page") String url,
                           @P(value = "character offset to start from; 0 for the beginning", required = false)
                           Integer offset,
                           @P(value = "true to also list the page's links", required = false) Boolean includeLinks) {
        try {
            return reader.read(url, offset == null ? 0 : offset, Boolean.TRUE.equals(includeLinks)).toText();
        } catch (LangChain4jException | IllegalArgumentException e) {
            return "Error: " + e.getMessage();
        }
    }
}
