package dev.sale4j.tools.web;

import dev.langchain4j.exception.TimeoutException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * GETs URLs under a {@link UrlSafetyPolicy} with real caps: every URL and every redirect hop is checked (host
 * resolved and all its addresses vetted) before any connection; redirects are followed by hand up to a hop limit;
 * the body is read only up to the byte cap (then the connection is dropped and the page marked truncated); one
 * deadline covers the whole fetch, redirects and body included. No proxy is used, so the checked resolution is the
 * one the connection uses (the JVM's DNS cache serves the connect-time lookup; see the module README).
 */
public final class SafeHttpFetcher {

    private final UrlSafetyPolicy policy;
    private final Duration timeout;
    private final int maxBytes;
    private final int maxRedirects;
    private final String userAgent;
    private final HttpCache cache;
    private final HttpClient client;

    private SafeHttpFetcher(Builder builder) {
        this.policy = builder.policy != null ? builder.policy : UrlSafetyPolicy.strict();
        this.timeout = builder.timeout;
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be a positive duration, got " + timeout);
        }
        if (builder.maxBytes < 1 || builder.maxRedirects < 0) {
            throw new IllegalArgumentException("maxBytes must be >= 1 and maxRedirects >= 0, got " + builder.maxBytes
                    + " and " + builder.maxRedirects);
        }
        this.maxBytes = builder.maxBytes;
        this.maxRedirects = builder.maxRedirects;
        this.userAgent = builder.userAgent;
        this.cache = builder.cache;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public UrlSafetyPolicy policy() {
        return policy;
    }

    /** @return a fetcher with the same settings whose policy also allows {@code host} */
    public SafeHttpFetcher allowingHost(String host) {
        return new Builder().policy(policy.withAllowedHost(host)).timeout(timeout).maxBytes(maxBytes)
                .maxRedirects(maxRedirects).userAgent(userAgent).cache(cache).build();
    }

    /**
     * Fetches {@code uri}, following redirects.
     *
     * @throws UnsafeUrlException if the URL or a redirect target is refused
     * @throws TimeoutException   if the deadline passes
     * @throws RetriableWebFetchException when the connection or I/O fails
     * @throws WebFetchException  on any other failure
     */
    public FetchedPage fetch(URI uri) {
        policy.check(uri);
        if (cache != null) {
            var cached = cache.get(uri);
            if (cached.isPresent()) {
                return cached.get();
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        URI current = uri;
        for (int hop = 0; hop <= maxRedirects; hop++) {
            if (hop > 0) {
                policy.check(current);
            }
            HttpResponse<CappedBody> response = send(current, deadline);
            int status = response.statusCode();
            var location = response.headers().firstValue("Location");
            if (status >= 300 && status < 400 && location.isPresent()) {
                current = current.resolve(location.get().strip());
                continue;
            }
            CappedBody body = response.body();
            FetchedPage page = new FetchedPage(uri, current, status,
                    response.headers().firstValue("Content-Type").orElse(""), body.bytes, body.truncated, false);
            if (cache != null) {
                cache.put(page);
            }
            return page;
        }
        throw new WebFetchException("too many redirects (more than " + maxRedirects + ") fetching " + uri);
    }

    private HttpResponse<CappedBody> send(URI uri, long deadline) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new TimeoutException("fetching " + uri + " exceeded the " + timeout.toMillis() + " ms deadline");
        }
        HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofNanos(remaining))
                .header("User-Agent", userAgent)
                .header("Accept", "text/html,application/xhtml+xml,application/json,text/plain;q=0.9,*/*;q=0.5")
                .build();
        CompletableFuture<HttpResponse<CappedBody>> future =
                client.sendAsync(request, info -> new CappedSubscriber(maxBytes));
        try {
            return future.get(remaining, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            future.cancel(true);
            throw new TimeoutException("fetching " + uri + " exceeded the " + timeout.toMillis() + " ms deadline");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new WebFetchException("interrupted fetching " + uri, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof java.net.http.HttpTimeoutException) {
                throw new TimeoutException("fetching " + uri + " exceeded the " + timeout.toMillis()
                        + " ms deadline", cause);
            }
            if (cause instanceof java.io.IOException) {
                throw new RetriableWebFetchException("fetching " + uri + " failed: " + cause, cause);
            }
            throw new WebFetchException("fetching " + uri + " failed: " + cause, cause);
        }
    }

    /** A body cut at the byte cap. */
    record CappedBody(byte[] bytes, boolean truncated) {
    }

    /** Keeps up to {@code max} bytes, then cancels the subscription, which drops the connection. */
    private static final class CappedSubscriber implements HttpResponse.BodySubscriber<CappedBody> {
        private final int max;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final CompletableFuture<CappedBody> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedSubscriber(int max) {
            this.max = max;
        }

        @Override
        public CompletionStage<CappedBody> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int take = Math.min(buffer.remaining(), max - kept.size());
                byte[] chunk = new byte[take];
                buffer.get(chunk);
                kept.write(chunk, 0, take);
                if (buffer.hasRemaining()) {
                    subscription.cancel();
                    result.complete(new CappedBody(kept.toByteArray(), true));
                    return;
                }
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(new CappedBody(kept.toByteArray(), false));
        }
    }

    /** Builder for {@link SafeHttpFetcher}. */
    public static final class Builder {
        private UrlSafetyPolicy policy;
        private Duration timeout = Duration.ofSeconds(15);
        private int maxBytes = 2 * 1024 * 1024;
        private int maxRedirects = 5;
        private String userAgent = "Mozilla/5.0 (compatible; sale4j-tools/0.1; +https://github.com/sale4j)";
        private HttpCache cache;

        private Builder() {
        }

        /** Defaults to {@link UrlSafetyPolicy#strict()}. */
        public Builder policy(UrlSafetyPolicy policy) {
            this.policy = policy;
            return this;
        }

        /** Total deadline per fetch, redirects and body included; default 15 s. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Body byte cap; default 2 MiB. */
        public Builder maxBytes(int maxBytes) {
            this.maxBytes = maxBytes;
            return this;
        }

        /** Redirect hop limit; default 5. */
        public Builder maxRedirects(int maxRedirects) {
            this.maxRedirects = maxRedirects;
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        /** Optional on-disk cache of 2xx responses; none by default. */
        public Builder cache(HttpCache cache) {
            this.cache = cache;
            return this;
        }

        public SafeHttpFetcher build() {
            return new SafeHttpFetcher(this);
        }
    }
}
