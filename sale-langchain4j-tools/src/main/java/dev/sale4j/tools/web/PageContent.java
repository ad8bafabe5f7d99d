package dev.sale4j.tools.web;

import java.net.URI;
import java.util.Map;

/**
 * A window of a page's readable text.
 *
 * @param url        the page's final URL (after redirects)
 * @param title      the page title
 * @param text       the text from {@code offset}, at most the reader's window size
 * @param offset     where the window starts in the whole text (characters)
 * @param totalChars length of the whole readable text
 * @param truncated  whether the download was cut at the byte cap (the text then ends early)
 * @param links      link text to absolute URL, when requested; otherwise empty
 */
public record PageContent(URI url, String title, String text, int offset, int totalChars, boolean truncated,
                          Map<String, String> links) {

    public PageContent {
        links = Map.copyOf(links);
    }

    /** @return the offset to ask for next, or -1 when this window reaches the end */
    public int nextOffset() {
        int end = offset + text.length();
        return end < totalChars ? end : -1;
    }

    /** @return the form a language model reads: header lines, the text, then links if any */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append("Title: ").append(title).append('\n').append("URL: ").append(url).append('\n')
                .append("Characters ").append(offset).append('-').append(offset + text.length()).append(" of ")
                .append(totalChars);
        if (nextOffset() >= 0) {
            out.append(" (more: read again with offset ").append(nextOffset()).append(')');
        }
        if (truncated) {
            out.append(" [page cut at the download size limit]");
        }
        out.append("\n\n").append(text);
        if (!links.isEmpty()) {
            out.append("\n\nLinks:\n");
            links.forEach((label, href) -> out.append("- ").append(label).append(": ").append(href).append('\n'));
        }
        return out.toString();
    }
}
