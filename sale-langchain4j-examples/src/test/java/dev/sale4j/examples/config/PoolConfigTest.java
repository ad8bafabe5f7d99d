package dev.sale4j.examples.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AgentPool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoolConfigTest {

    private static final String AGENTS = """
            agents:
              - {name: a, provider: ollama, baseUrl: http://localhost:11434, model: m, price: 0.05}
              - {name: b, provider: ollama, baseUrl: http://localhost:11434, model: m, price: 0.5}
            """;

    @TempDir
    Path dir;

    private Path pool(String extra) throws IOException {
        return Files.writeString(dir.resolve("pool.yaml"), AGENTS + extra);
    }

    @Test
    void maxBidTokensOutsideItsBoundsIsRejectedByItsConfigurationName() throws IOException {
        for (String value : List.of("100000", "0", "-3")) {
            Path file = pool("maxBidTokens: " + value + "\n");
            assertThatThrownBy(() -> PoolConfig.load(file))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("maxBidTokens is " + value + ": set it between 16 and 4096")
                    .hasMessageNotContaining("maxOutputTokens");
        }
        assertThat(PoolConfig.load(pool("maxBidTokens: 4096\n")).maxBidTokens()).isEqualTo(4096);
    }

    @Test
    void negativeMaxRetriesIsRejected() throws IOException {
        Path file = pool("maxRetries: -1\n");
        assertThatThrownBy(() -> PoolConfig.load(file))
                .hasMessageContaining("maxRetries is -1: set it to 0 (no retry) or more");
        assertThat(PoolConfig.load(pool("maxRetries: 0\n")).maxRetries()).isZero();
    }

    @Test
    void anUnknownFallbackAgentNamesTheKeyAndTheAgents() throws IOException {
        Path file = pool("fallbackAgent: c\n");
        assertThatThrownBy(() -> PoolConfig.load(file))
                .hasMessageContaining("fallbackAgent 'c' is not an agent of this pool: set it to one of [a, b]");
    }

    @Test
    void anUnknownKeyIsNamedWithItsLineASuggestionAndTheValidKeys() throws IOException {
        Path file = pool("fallbackAgnet: a\n");
        assertThatThrownBy(() -> PoolConfig.load(file))
                .hasMessageContaining("unknown key 'fallbackAgnet' (line 4): did you mean 'fallbackAgent'?")
                .hasMessageContaining("Valid keys: [agents, bidTimeout, fallbackAgent, juryTimeout, maxBidTokens, "
                        + "maxRetries, weights]");
        Path agentKey = Files.writeString(dir.resolve("agent.yaml"),
                "agents:\n  - {name: a, provider: ollama, baseUrl: http://x, model: m, prise: 1}\n");
        assertThatThrownBy(() -> PoolConfig.load(agentKey))
                .hasMessageContaining("unknown key 'prise' in agents[0]")
                .hasMessageContaining("did you mean 'price'?")
                .hasMessageContaining("inputPrice");
    }

    @Test
    void aDirectoryGivenAsThePoolFileSaysSo() {
        assertThatThrownBy(() -> PoolConfig.load(dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(dir + " is a directory, not a file: pass a pool file (YAML) with --config");
    }

    @Test
    void zeroOrNegativeTimeoutsAreRejected() throws IOException {
        Path file = pool("bidTimeout: 0s\n");
        assertThatThrownBy(() -> PoolConfig.load(file)).hasMessageContaining("bidTimeout '0s' is not positive");
    }

    @Test
    void theDefaultPoolIsThePapersQwen3FamilyOnLocalOllama() {
        PoolConfig defaults = PoolConfig.defaults();
        assertThat(defaults.agents()).extracting(AgentConfig::name)
                .containsExactly("qwen3:4b", "qwen3:8b", "qwen3:14b", "qwen3:32b");
        assertThat(defaults.agents()).extracting(AgentConfig::price).containsExactly(0.05, 0.09, 0.16, 0.36);
        assertThat(defaults.agents()).allSatisfy(a -> {
            assertThat(a.provider()).isEqualTo("ollama");
            assertThat(a.baseUrl()).isEqualTo("http://localhost:11434");
            assertThat(a.think()).isFalse();
        });
        AgentPool pool = new PoolFactory(Map.of()).pool(defaults, Duration.ofSeconds(5));
        assertThat(pool.cheapest().name()).isEqualTo("qwen3:4b");
    }

    @Test
    void openAiAgentsReadTheirKeyFromTheNamedVariableAndSayWhenItIsMissing() {
        AgentConfig agent = new AgentConfig("gpt", "openai", "https://api.example.com/v1", "gpt-x", null, 1.0, 4.0,
                "EXAMPLE_KEY", null);
        PoolConfig config = new PoolConfig(List.of(agent), null, null, null, null, null, null);

        Agent built = new PoolFactory(Map.of("EXAMPLE_KEY", "sk-test")).pool(config, Duration.ofSeconds(5)).get("gpt");
        assertThat(built.inputPrice()).isEqualTo(1.0);
        assertThat(built.outputPrice()).isEqualTo(4.0);
        assertThatThrownBy(() -> new PoolFactory(Map.of()).pool(config, Duration.ofSeconds(5)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("$EXAMPLE_KEY, which is not set");
    }

    @Test
    void durationsAcceptCommonSpellingsAndRejectOthersClearly() {
        PoolConfig config = new PoolConfig(List.of(), null, "1500ms", "2m", null, null, null);
        assertThat(config.bidTimeoutOr(Duration.ZERO)).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.juryTimeoutOr(Duration.ZERO)).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> new PoolConfig(List.of(), null, "soon", null, null, null, null)
                .bidTimeoutOr(Duration.ZERO)).hasMessageContaining("bidTimeout 'soon' is not a duration");
    }

    @Test
    void anAgentWithoutPriceOrWithABadUrlIsAClearError() {
        PoolConfig noPrice = new PoolConfig(List.of(new AgentConfig("a", "ollama", "http://x", "m", null, null, null,
                null, null)), null, null, null, null, null, null);
        assertThatThrownBy(() -> new PoolFactory(Map.of()).pool(noPrice, Duration.ofSeconds(1)))
                .hasMessageContaining("agents[0] (a) has no price");
        PoolConfig badUrl = new PoolConfig(List.of(new AgentConfig("a", "ollama", "localhost:11434", "m", 1.0, null,
                null, null, null)), null, null, null, null, null, null);
        assertThatThrownBy(() -> new PoolFactory(Map.of()).pool(badUrl, Duration.ofSeconds(1)))
                .hasMessageContaining("agents[0].baseUrl 'localhost:11434' is not an http(s) URL");
    }
}
