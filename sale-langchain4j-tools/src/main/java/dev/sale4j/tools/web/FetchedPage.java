package dev.sale4j.tools.web;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP response as {@link SafeHttpFetcher} returned it.
 *
 * @param requestedUri the URL asked for
 * @param finalUri     the URL after redirects
 * @param status       the HTTP status code
 * @param contentType  the Content-Type header, or empty
 * @param body         the body, at most the byte cap
 * @param truncated    whether the body was cut at the byte cap
 * @param fromCache    whether it came from the on-disk {@link HttpCache}
 */
public record FetchedPage(URI requestedUri, URI finalUri, int status, String contentType, byte[] body,
                          boolean truncated, boolean fromCache) {

    public FetchedPage {
        contentType = contentType == null ? "" : contentType;
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** @return the media type in lower case without parameters, e.g. {@code text/html} */
    public String mediaType() {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** @return the body decoded with the charset the Content-Type names, UTF-8 otherwise */
    public String text() {
        return new String(body, charset());
    }

    FetchedPage asCached() {
        return new FetchedPage(requestedUri, finalUri, status, contentType, body, truncated, true);
    }

    private Charset charset() {
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                try {
                    return Charset.forName(p.substring(8).replace("\"", "").strip());
                } catch (RuntimeException unknown) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
