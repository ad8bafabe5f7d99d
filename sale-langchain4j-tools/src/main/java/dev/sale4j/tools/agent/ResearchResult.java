package dev.sale4j.tools.agent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Objects;

/**
 * The research assistant's answer with what backs it.
 *
 * @param outcome         whether it answered, could not find an answer, answered without reading, or was stopped
 * @param sources         the pages it actually read, in reading order, each marked cited or not
 * @param unreadCitations URLs the answer cites that it never read (successfully): not sources, flagged
 * @param run             the whole trace: answer text, stop reason, tool and model calls
 */
public record ResearchResult(Outcome outcome, List<Source> sources, List<String> unreadCitations, AgentRun run) {

    /** What the research came to. */
    public enum Outcome {
        /** An answer, with at least one page read. */
        ANSWERED,
        /** The model said the pages it read do not answer the question ({@code NOT FOUND:}). */
        NOT_FOUND,
        /** An answer although no page was read successfully: treat it as unverified. */
        UNSOURCED,
        /** The run ended without an answer (tool step limit). */
        STOPPED
    }

    public ResearchResult {
        Objects.requireNonNull(outcome, "outcome");
        sources = List.copyOf(sources);
        unreadCitations = List.copyOf(unreadCitations);
        Objects.requireNonNull(run, "run");
    }

    /** @return the answer text (empty when stopped) */
    public String answer() {
        return run.text();
    }

    /** @return the sources the answer cites */
    public List<Source> citedSources() {
        return sources.stream().filter(Source::cited).toList();
    }

    /** @return outcome, answer, sources (url, title, cited), unread citations and the run's trace, as a JSON tree */
    public ObjectNode toJsonTree() {
        ObjectNode node = TraceJson.JSON.createObjectNode();
        node.put("outcome", outcome.name());
        node.put("answer", answer());
        ArrayNode read = node.putArray("sources");
        sources.forEach(s -> read.addObject().put("url", s.url()).put("title", s.title()).put("cited", s.cited()));
        ArrayNode unread = node.putArray("unreadCitations");
        unreadCitations.forEach(unread::add);
        node.set("run", run.toJsonTree());
        return node;
    }

    /** @return {@link #toJsonTree()} as indented JSON text */
    public String toJson() {
        return TraceJson.write(toJsonTree());
    }
}
