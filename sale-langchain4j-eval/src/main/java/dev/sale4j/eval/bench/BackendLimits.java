package dev.sale4j.eval.bench;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpClientBuilderLoader;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Bounds the model calls in flight per backend server (scheme, host and port of the request), whichever agent,
 * auction phase or execution makes them: a pool of four models on one Ollama server shares one bound. It works at
 * LangChain4j's HTTP client, so the models stay the providers' own classes (log-probabilities still work).
 */
public final class BackendLimits {

    private final int perBackend;
    private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();

    private BackendLimits(int perBackend) {
        if (perBackend < 1) {
            throw new IllegalArgumentException("concurrency per backend must be at least 1, got " + perBackend
                    + "; pass e.g. --concurrency 4");
        }
        this.perBackend = perBackend;
    }

    /** At most {@code perBackend} calls in flight to any one server. */
    public static BackendLimits of(int perBackend) {
        return new BackendLimits(perBackend);
    }

    public int perBackend() {
        return perBackend;
    }

    /** An HTTP client builder for a model builder's {@code httpClientBuilder(...)}: LangChain4j's default, bounded. */
    public HttpClientBuilder httpClientBuilder() {
        return new Builder(HttpClientBuilderLoader.loadHttpClientBuilder());
    }

    private Semaphore permitsFor(String url) {
        URI uri = URI.create(url);
        String key = uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
        return permits.computeIfAbsent(key, k -> new Semaphore(perBackend, true));
    }

    private final class Builder implements HttpClientBuilder {
        private final HttpClientBuilder delegate;

        Builder(HttpClientBuilder delegate) {
            this.delegate = delegate;
        }

        @Override
        public Duration connectTimeout() {
            return delegate.connectTimeout();
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            delegate.connectTimeout(timeout);
            return this;
        }

        @Override
        public Duration readTimeout() {
            return delegate.readTimeout();
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            delegate.readTimeout(timeout);
            return this;
        }

        @Override
        public HttpClient build() {
            return new Client(delegate.build());
        }
    }

    private final class Client implements HttpClient {
        private final HttpClient delegate;

        Client(HttpClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public SuccessfulHttpResponse execute(HttpRequest request) {
            Semaphore s = permitsFor(request.url());
            s.acquireUninterruptibly();
            try {
                return delegate.execute(request);
            } finally {
                s.release();
            }
        }

        @Override
        public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
            Semaphore s = permitsFor(request.url());
            s.acquireUninterruptibly();
            try {
                delegate.execute(request, parser, listener);
            } finally {
                s.release();
            }
        }
    }
}
