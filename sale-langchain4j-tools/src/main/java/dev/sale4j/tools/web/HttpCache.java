package dev.sale4j.tools.web;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * An on-disk cache of successful (2xx) responses, keyed by the requested URL, so benchmark runs that search and
 * read the web can be replayed byte for byte. One JSON file per URL (SHA-256 of the URL as file name); entries never
 * expire: delete the directory to refresh. Safe for concurrent use (writes are atomic renames).
 */
public final class HttpCache {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;

    private HttpCache(Path directory) {
        this.directory = directory;
    }

    /** @return a cache stored in {@code directory}, created if missing */
    public static HttpCache in(Path directory) {
        if (directory == null) {
            throw new IllegalArgumentException("cache directory must not be null; pass e.g. Path.of(\"target/http-cache\")");
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create HTTP cache directory " + directory, e);
        }
        return new HttpCache(directory);
    }

    public Path directory() {
        return directory;
    }

    Optional<FetchedPage> get(URI uri) {
        Path file = file(uri);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            Entry e = JSON.readValue(file.toFile(), Entry.class);
            return Optional.of(new FetchedPage(URI.create(e.requestedUri), URI.create(e.finalUri), e.status,
                    e.contentType, e.body, e.truncated, true));
        } catch (IOException | RuntimeException corrupt) {
            return Optional.empty();
        }
    }

    void put(FetchedPage page) {
        if (page.status() / 100 != 2) {
            return;
        }
        Path file = file(page.requestedUri());
        try {
            Path tmp = Files.createTempFile(directory, "entry", ".tmp");
            JSON.writeValue(tmp.toFile(), new Entry(page.requestedUri().toString(), page.finalUri().toString(),
                    page.status(), page.contentType(), page.body(), page.truncated()));
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write HTTP cache entry for " + page.requestedUri(), e);
        }
    }

    private Path file(URI uri) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(uri.toString().getBytes(StandardCharsets.UTF_8));
            return directory.resolve(HexFormat.of().formatHex(hash) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored form of one response; Jackson writes the body as base64. */
    record Entry(String requestedUri, String finalUri, int status, String contentType, byte[] body,
                 boolean truncated) {
    }
}
