package dev.sale4j.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.sale4j.testkit.OpenAiCompatibleServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackendsTest {

    @Test
    void theJdkClientIsHttp11OnPlainHttpAndTheJdkDefaultOnHttps() {
        assertThat(Backends.httpClient("http://localhost:11434").httpClientBuilder().build().version())
                .isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(Backends.httpClient("HTTP://127.0.0.1:8000/v1").httpClientBuilder().build().version())
                .isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(Backends.httpClient("https://api.openai.com/v1").httpClientBuilder().build().version())
                .isEqualTo(HttpClient.newHttpClient().version());
    }

    @Test
    void anUnknownProviderIsRefusedNamingTheFieldAndTheProvidersThatWork() {
        assertThatThrownBy(() -> BackendSpec.Provider.parse("anthropic", "agents[2].provider"))
                .isInstanceOf(BackendSpec.BackendConfigException.class)
                .hasMessage("agents[2].provider 'anthropic' is not supported: use ollama, or openai for any "
                        + "OpenAI-compatible server");
    }

    @Test
    void aBaseUrlWithoutHttpSchemeIsRefusedWithAnExample() {
        assertThatThrownBy(() -> new BackendSpec(BackendSpec.Provider.OLLAMA, "localhost:11434", "qwen3:4b", null,
                        Duration.ofSeconds(5), 0, null))
                .isInstanceOf(BackendSpec.BackendConfigException.class)
                .hasMessageContaining("baseUrl 'localhost:11434' is not an http(s) URL");
    }

    @Test
    void bothProvidersBuildBlockingAndStreamingClients() {
        for (BackendSpec.Provider provider : BackendSpec.Provider.values()) {
            BackendSpec spec = new BackendSpec(provider, "http://127.0.0.1:1", "m", "k", Duration.ofSeconds(1), 0, null);
            assertThat(Backends.chatModel(spec)).isNotNull();
            assertThat(Backends.streamingChatModel(spec)).isNotNull();
        }
    }

    @Test
    void blockingClientsOnPlainHttpRunTheirWorkOnTheirOwnThreadStreamingAndHttpsKeepTheJdkPool() {
        HttpClient blocking = Backends.blockingHttpClient("http://127.0.0.1:8000/v1").httpClientBuilder().build();
        assertThat(blocking.executor()).isPresent();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        blocking.executor().get().execute(() -> ranOn.set(Thread.currentThread()));
        assertThat(ranOn.get()).isSameAs(Thread.currentThread());
        assertThat(blocking.version()).isEqualTo(HttpClient.Version.HTTP_1_1);

        assertThat(Backends.httpClient("http://127.0.0.1:8000/v1").httpClientBuilder().build().executor()).isEmpty();
        assertThat(Backends.blockingHttpClient("https://api.openai.com/v1").httpClientBuilder().build().executor())
                .isEmpty();
    }

    @Test
    void blockingAndStreamingClientsAnswerOverRealHttpIncludingParallelCallsOnOneClient() throws Exception {
        try (OpenAiCompatibleServer server = OpenAiCompatibleServer.start()) {
            BackendSpec spec = new BackendSpec(BackendSpec.Provider.OPENAI, server.baseUrl("a"), "m", null,
                    Duration.ofSeconds(10), 0, null);
            ChatModel model = Backends.chatModel(spec);
            ExecutorService callers = Executors.newFixedThreadPool(8);
            try {
                List<Future<String>> answers = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    String word = "word" + i;
                    answers.add(callers.submit(() -> model.chat("Say '" + word + "'")));
                }
                for (int i = 0; i < answers.size(); i++) {
                    assertThat(answers.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("word" + i);
                }
            } finally {
                callers.shutdownNow();
            }

            StreamingChatModel streaming = Backends.streamingChatModel(spec);
            CompletableFuture<ChatResponse> streamed = new CompletableFuture<>();
            streaming.chat("Say 'streamed'", new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String partial) {}

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    streamed.complete(response);
                }

                @Override
                public void onError(Throwable error) {
                    streamed.completeExceptionally(error);
                }
            });
            assertThat(streamed.get(10, TimeUnit.SECONDS).aiMessage().text()).isEqualTo("streamed");
        }
    }

    @Test
    void aBlockingCallToAServerThatNeverAnswersEndsWithATimeoutInTime() throws Exception {
        // the backlog accepts the connection; nobody ever reads the request or answers it
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            BackendSpec spec = new BackendSpec(BackendSpec.Provider.OPENAI,
                    "http://127.0.0.1:" + silent.getLocalPort() + "/v1", "m", null, Duration.ofMillis(300), 0, null);
            ChatModel model = Backends.chatModel(spec);
            long start = System.nanoTime();
            assertThatThrownBy(() -> model.chat("Say 'never'")).isInstanceOf(TimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }
}
