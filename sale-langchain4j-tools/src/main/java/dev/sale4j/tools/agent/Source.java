package dev.sale4j.tools.agent;

/**
 * A page the research assistant actually read (its page-reader call succeeded).
 *
 * @param url   the URL it asked for
 * @param title the page title, empty when the page had none
 * @param cited whether the answer cites this URL
 */
public record Source(String url, String title, boolean cited) {
}
