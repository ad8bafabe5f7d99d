package dev.sale4j.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.time.Duration;
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
}
