package dev.sale4j.backend;

import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.sale4j.backend.BackendSpec.BackendConfigException;
import java.net.URI;
import java.net.http.HttpClient;

/**
 * Builds the real LangChain4j clients for a {@link BackendSpec}: the one place where a configured agent becomes an
 * {@code OpenAiChatModel} or {@code OllamaChatModel} (the command line, the Spring Boot starter and the Quarkus example
 * all come here). The provider modules are optional dependencies: a missing one gives an error that names it.
 */
public final class Backends {

    private Backends() {}

    /** The blocking client for the spec. */
    public static ChatModel chatModel(BackendSpec spec) {
        return chatModel(spec, null);
    }

    /**
     * The blocking client for the spec over the given LangChain4j HTTP client (e.g. one that bounds the calls in
     * flight per server); null for the provider's default.
     */
    public static ChatModel chatModel(BackendSpec spec, dev.langchain4j.http.client.HttpClientBuilder http) {
        requireModule(spec.provider());
        return switch (spec.provider()) {
            case OLLAMA -> OllamaChatModel.builder()
                    .httpClientBuilder(http != null ? http : blockingHttpClient(spec.baseUrl()))
                    .baseUrl(spec.baseUrl())
                    .modelName(spec.model())
                    .think(spec.think())
                    .timeout(spec.timeout())
                    .maxRetries(spec.maxRetries())
                    .build();
            case OPENAI -> OpenAiChatModel.builder()
                    .httpClientBuilder(http != null ? http : blockingHttpClient(spec.baseUrl()))
                    .baseUrl(spec.baseUrl())
                    .modelName(spec.model())
                    .apiKey(key(spec))
                    .timeout(spec.timeout())
                    .maxRetries(spec.maxRetries())
                    .build();
        };
    }

    /** The streaming client for the spec (LangChain4j's streaming clients do not retry). */
    public static StreamingChatModel streamingChatModel(BackendSpec spec) {
        requireModule(spec.provider());
        return switch (spec.provider()) {
            case OLLAMA -> OllamaStreamingChatModel.builder()
                    .httpClientBuilder(httpClient(spec.baseUrl()))
                    .baseUrl(spec.baseUrl())
                    .modelName(spec.model())
                    .think(spec.think())
                    .timeout(spec.timeout())
                    .build();
            case OPENAI -> OpenAiStreamingChatModel.builder()
                    .httpClientBuilder(httpClient(spec.baseUrl()))
                    .baseUrl(spec.baseUrl())
                    .modelName(spec.model())
                    .apiKey(key(spec))
                    .timeout(spec.timeout())
                    .build();
        };
    }

    /**
     * One JDK HTTP client per backend: HTTP/1.1 to plain-http servers. The JDK's default (HTTP/2) sends an h2c
     * {@code Upgrade} on every plain-http request, which local servers (Ollama, vLLM, llama.cpp) never accept; https
     * keeps the JDK default (HTTP/2 by ALPN).
     */
    static JdkHttpClientBuilder httpClient(String baseUrl) {
        return JdkHttpClient.builder().httpClientBuilder(jdkClient(baseUrl));
    }

    /**
     * The JDK HTTP client of a blocking model: as {@link #httpClient(String)}, and on plain http (a local or LAN
     * server, where a call's few milliseconds matter) the client's work runs on its own selector thread instead of
     * being handed to a pool thread and from there to the caller: each hand-off costs a scheduling delay on a busy
     * machine. A blocking call ({@code HttpClient.send} into a string) runs no caller code inside the client, so
     * nothing blocks that thread. Streaming clients keep the JDK's pool (LangChain4j reads their event stream in a
     * dependent task, which would block the selector thread), and so does https (TLS and HTTP/2 work).
     */
    static JdkHttpClientBuilder blockingHttpClient(String baseUrl) {
        HttpClient.Builder jdk = jdkClient(baseUrl);
        if (plainHttp(baseUrl)) {
            jdk.executor(Runnable::run);
        }
        return JdkHttpClient.builder().httpClientBuilder(jdk);
    }

    private static HttpClient.Builder jdkClient(String baseUrl) {
        HttpClient.Builder jdk = HttpClient.newBuilder();
        if (plainHttp(baseUrl)) {
            jdk.version(HttpClient.Version.HTTP_1_1);
        }
        return jdk;
    }

    private static boolean plainHttp(String baseUrl) {
        return URI.create(baseUrl.strip()).getScheme().equalsIgnoreCase("http");
    }

    private static String key(BackendSpec spec) {
        // Local OpenAI-compatible servers accept any key; the client requires one.
        return spec.apiKey() == null || spec.apiKey().isBlank() ? "none" : spec.apiKey();
    }

    private static void requireModule(BackendSpec.Provider provider) {
        String probe = provider == BackendSpec.Provider.OLLAMA
                ? "dev.langchain4j.model.ollama.OllamaChatModel"
                : "dev.langchain4j.model.openai.OpenAiChatModel";
        try {
            Class.forName(probe, false, Backends.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            String module = provider == BackendSpec.Provider.OLLAMA ? "langchain4j-ollama" : "langchain4j-open-ai";
            throw new BackendConfigException("provider " + provider.name().toLowerCase(java.util.Locale.ROOT)
                    + " needs dev.langchain4j:" + module + " on the classpath: add it to your dependencies");
        }
    }
}
