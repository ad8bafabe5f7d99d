package dev.sale4j.tools.web;

import dev.langchain4j.exception.TimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * GETs URLs under a {@link UrlSafetyPolicy} with real caps: every URL and every redirect hop is checked (host
 * resolved once and all its addresses vetted) before any connection, and the connection goes to exactly those
 * vetted addresses (the HTTP client's resolver answers only them), so a DNS answer that changes between check and
 * connect is never used; TLS still verifies the certificate against the URL's host name. Redirects are followed by
 * hand up to a hop limit; the body is read only up to the byte cap (then the connection is dropped and the page
 * marked truncated); one deadline covers the whole fetch, redirects and body included. No proxy is used.
 */
public final class SafeHttpFetcher {

    private static final Logger log = LoggerFactory.getLogger(SafeHttpFetcher.class);
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sale4j-fetch-deadline");
        thread.setDaemon(true);
        return thread;
    });

    private final UrlSafetyPolicy policy;
    private final Duration timeout;
    private final int maxBytes;
    private final int maxRedirects;
    private final String userAgent;
    private final HttpCache cache;
    private final SSLContext sslContext;
    private final TlsSocketStrategy tls;

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
        this.sslContext = builder.sslContext;
        ClientTlsStrategyBuilder tlsBuilder = ClientTlsStrategyBuilder.create();
        if (sslContext != null) {
            tlsBuilder.setSslContext(sslContext);
        }
        this.tls = tlsBuilder.buildClassic();
    }

    public static Builder builder() {
        return new Builder();
    }

    public UrlSafetyPolicy policy() {
        return policy;
    }

    /** @return a fetcher with the same settings whose policy also allows {@code host} on ports 80 and 443 */
    public SafeHttpFetcher allowingHost(String host) {
        return withPolicy(policy.withAllowedHost(host));
    }

    /** @return a fetcher with the same settings whose policy also allows the host and port of {@code endpoint} */
    public SafeHttpFetcher allowing(URI endpoint) {
        return withPolicy(policy.withAllowed(endpoint));
    }

    private SafeHttpFetcher withPolicy(UrlSafetyPolicy newPolicy) {
        return new Builder().policy(newPolicy).timeout(timeout).maxBytes(maxBytes).maxRedirects(maxRedirects)
                .userAgent(userAgent).cache(cache).sslContext(sslContext).build();
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
        UrlSafetyPolicy.Target target = policy.vet(uri);
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
                target = policy.vet(current);
            }
            Hop response = send(current, target, deadline);
            if (response.status >= 300 && response.status < 400 && response.location != null) {
                current = redirectTarget(current, response.location);
                continue;
            }
            FetchedPage page = new FetchedPage(uri, current, response.status, response.contentType, response.body,
                    response.truncated, false);
            if (cache != null) {
                cache.put(page);
            }
            return page;
        }
        throw new WebFetchException("too many redirects (more than " + maxRedirects + ") fetching " + uri);
    }

    private static URI redirectTarget(URI from, String location) {
        try {
            return from.resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw new WebFetchException("redirect from " + from + " has an unreadable Location '" + location + "'", e);
        }
    }

    /** One response: status, the headers that matter, and the body cut at the byte cap. */
    private record Hop(int status, String location, String contentType, byte[] body, boolean truncated) {
    }

    private Hop send(URI uri, UrlSafetyPolicy.Target target, long deadline) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw deadlinePassed(uri, null);
        }
        Timeout limit = Timeout.ofMilliseconds(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
        BasicHttpClientConnectionManager connections = BasicHttpClientConnectionManager.create(
                DefaultSchemePortResolver.INSTANCE, new PinnedDnsResolver(target.host().wire(), target.addresses()),
                RegistryBuilder.<TlsSocketStrategy>create().register("https", tls).build(),
                ManagedHttpClientConnectionFactory.INSTANCE);
        connections.setConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit).setSocketTimeout(limit)
                .build());
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        HttpGet request = new HttpGet(path);
        request.setHeader("User-Agent", userAgent);
        request.setHeader("Accept", "text/html,application/xhtml+xml,application/json,text/plain;q=0.9,*/*;q=0.5");
        AtomicBoolean expired = new AtomicBoolean();
        log.debug("GET {} via {}", uri, target.addresses());
        try (CloseableHttpClient client = HttpClients.custom().setConnectionManager(connections)
                .setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE))
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement().disableAuthCaching()
                .disableContentCompression()
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(limit).build()).build()) {
            ScheduledFuture<?> timer = DEADLINES.schedule(() -> {
                expired.set(true);
                request.cancel();
            }, remaining, TimeUnit.NANOSECONDS);
            try (ClassicHttpResponse response = client.executeOpen(
                    new HttpHost(target.scheme(), target.host().wire(), target.port()), request, null)) {
                Header location = response.getFirstHeader("Location");
                Header contentType = response.getFirstHeader("Content-Type");
                Body body = read(response.getEntity(), request);
                return new Hop(response.getCode(), location == null ? null : location.getValue(),
                        contentType == null ? "" : contentType.getValue(), body.bytes, body.truncated);
            } finally {
                timer.cancel(false);
                client.close(CloseMode.IMMEDIATE);
            }
        } catch (IOException | RuntimeException e) {
            if (expired.get() || e instanceof java.net.SocketTimeoutException) {
                throw deadlinePassed(uri, e);
            }
            if (e instanceof SSLException) {
                throw new WebFetchException("TLS with " + target.host().wire() + " failed for " + uri + " (the"
                        + " certificate must be valid for that name and trusted; set sslContext(...) for a private CA): "
                        + e.getMessage(), e);
            }
            if (e instanceof IOException) {
                throw new RetriableWebFetchException("fetching " + uri + " failed: " + e, e);
            }
            throw new WebFetchException("fetching " + uri + " failed: " + e, e);
        }
    }

    private TimeoutException deadlinePassed(URI uri, Throwable cause) {
        String message = "fetching " + uri + " exceeded the " + timeout.toMillis() + " ms deadline";
        return cause == null ? new TimeoutException(message) : new TimeoutException(message, cause);
    }

    private record Body(byte[] bytes, boolean truncated) {
    }

    /** Reads up to the byte cap; past it, aborts the request, which drops the connection instead of draining it. */
    private Body read(HttpEntity entity, HttpGet request) throws IOException {
        if (entity == null) {
            return new Body(new byte[0], false);
        }
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = entity.getContent()) {
            while (kept.size() < maxBytes) {
                int n = in.read(buffer, 0, Math.min(buffer.length, maxBytes - kept.size()));
                if (n < 0) {
                    return new Body(kept.toByteArray(), false);
                }
                kept.write(buffer, 0, n);
            }
            boolean more = in.read() >= 0;
            if (more) {
                request.cancel();
            }
            return new Body(kept.toByteArray(), more);
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
        private SSLContext sslContext;

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

        /**
         * TLS trust and key material, e.g. for a private CA; the JDK's default trust store otherwise. Host-name
         * verification stays on whatever the context trusts.
         */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        public SafeHttpFetcher build() {
            return new SafeHttpFetcher(this);
        }
    }
}
