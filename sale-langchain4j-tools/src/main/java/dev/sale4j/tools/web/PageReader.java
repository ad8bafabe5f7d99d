package dev.sale4j.tools.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Fetches a URL through a {@link SafeHttpFetcher} and returns a window of its readable text (see
 * {@link ReadableText}). HTML and XHTML are extracted; plain text, Markdown, JSON, XML and CSV are returned as is;
 * any other content type is refused with a {@link WebFetchException} naming it.
 */
public final class PageReader {

    private static final Set<String> HTML = Set.of("text/html", "application/xhtml+xml");
    private static final Set<String> TEXT = Set.of("text/plain", "text/markdown", "text/csv", "application/json",
            "text/xml", "application/xml");

    private final SafeHttpFetcher fetcher;
    private final int windowChars;
    private final int maxLinks;

    private PageReader(Builder builder) {
        this.fetcher = builder.fetcher != null ? builder.fetcher : SafeHttpFetcher.builder().build();
        if (builder.windowChars < 100) {
            throw new IllegalArgumentException("windowChars must be at least 100, got " + builder.windowChars);
        }
        this.windowChars = builder.windowChars;
        this.maxLinks = builder.maxLinks;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param url          the page, http(s) only
     * @param offset       first character of the window (0 for the start)
     * @param includeLinks whether to list the main content's links
     */
    public PageContent read(String url, int offset, boolean includeLinks) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, got " + offset);
        }
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.strip());
        } catch (IllegalArgumentException e) {
            throw new UnsafeUrlException("refused '" + url + "': not a valid URL");
        }
        FetchedPage page = fetcher.fetch(uri);
        if (page.status() >= 400) {
            throw new WebFetchException("HTTP " + page.status() + " from " + page.finalUri());
        }
        String media = page.mediaType();
        ReadableText readable;
        if (HTML.contains(media) || media.isEmpty() && page.text().stripLeading().startsWith("<")) {
            readable = ReadableText.of(page.text(), page.finalUri().toString());
        } else if (TEXT.contains(media) || media.startsWith("text/")) {
            readable = new ReadableText("", page.text().strip(), Map.of());
        } else {
            throw new WebFetchException("cannot read " + page.finalUri() + ": content type '" + media
                    + "' is not text (supported: HTML, XHTML, plain text, Markdown, JSON, XML, CSV)");
        }
        String text = readable.text();
        int start = Math.min(offset, text.length());
        String window = text.substring(start, Math.min(text.length(), start + windowChars));
        Map<String, String> links = new LinkedHashMap<>();
        if (includeLinks) {
            readable.links().entrySet().stream().limit(maxLinks).forEach(e -> links.put(e.getKey(), e.getValue()));
        }
        return new PageContent(page.finalUri(), readable.title(), window, start, text.length(), page.truncated(), links);
    }

    /** Builder for {@link PageReader}. */
    public static final class Builder {
        private SafeHttpFetcher fetcher;
        private int windowChars = 8000;
        private int maxLinks = 100;

        private Builder() {
        }

        /** Defaults to {@code SafeHttpFetcher.builder().build()} (strict policy, 2 MiB, 15 s). */
        public Builder fetcher(SafeHttpFetcher fetcher) {
            this.fetcher = fetcher;
            return this;
        }

        /** Characters per window; default 8000. */
        public Builder windowChars(int windowChars) {
            this.windowChars = windowChars;
            return this;
        }

        /** Most links listed; default 100. */
        public Builder maxLinks(int maxLinks) {
            this.maxLinks = maxLinks;
            return this;
        }

        public PageReader build() {
            return new PageReader(this);
        }
    }
}
