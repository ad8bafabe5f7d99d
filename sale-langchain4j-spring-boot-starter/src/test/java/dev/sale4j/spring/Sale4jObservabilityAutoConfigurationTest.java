package dev.sale4j.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.langchain4j.model.chat.ChatModel;
import dev.sale4j.SaleRouter;
import dev.sale4j.observe.SaleMetrics;
import dev.sale4j.observe.SaleTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class Sale4jObservabilityAutoConfigurationTest {

    static WireMockServer server;
    static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

    @BeforeAll
    static void start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        OpenAiStubs.auction(server, List.of("small", "big"));
        OpenAiStubs.answer(server, "small", "Canberra (small)");
        OpenAiStubs.answer(server, "big", "Canberra (big)");
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(Sale4jAutoConfiguration.class,
                        Sale4jObservabilityAutoConfiguration.class))
                .withPropertyValues(
                        "sale4j.agents[0].name=small",
                        "sale4j.agents[0].provider=openai",
                        "sale4j.agents[0].base-url=" + server.baseUrl() + "/small/v1",
                        "sale4j.agents[0].model=gpt-4o-mini",
                        "sale4j.agents[0].price=0.05",
                        "sale4j.agents[1].name=big",
                        "sale4j.agents[1].provider=openai",
                        "sale4j.agents[1].base-url=" + server.baseUrl() + "/big/v1",
                        "sale4j.agents[1].model=gpt-4o",
                        "sale4j.agents[1].price=0.36");
    }

    @Configuration(proxyBeanMethods = false)
    static class Observability {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        OpenTelemetry openTelemetry() {
            return OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(SPANS)).build()).build();
        }
    }

    @Test
    void withARegistryAndOpenTelemetryTheRouterIsMeteredAndTraced() {
        SPANS.reset();
        runner().withUserConfiguration(Observability.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(SaleRouter.class).auction().listeners())
                    .hasAtLeastOneElementOfType(SaleMetrics.class)
                    .hasAtLeastOneElementOfType(SaleTracing.class);

            assertThat(context.getBean(ChatModel.class).chat("What is the capital of Australia?"))
                    .isEqualTo("Canberra (small)");

            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("sale4j.auctions").tag("outcome", "won").counter().count()).isEqualTo(1);
            assertThat(registry.get("sale4j.auction.wins").tag("agent", "small").counter().count()).isEqualTo(1);
            assertThat(SPANS.getFinishedSpanItems()).extracting(SpanData::getName)
                    .contains("sale4j.auction", "sale4j.bid", "sale4j.jury", "chat gpt-4o-mini");
        });
    }

    @Test
    void withoutTheBeansThereAreNoListeners() {
        runner().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(SaleMetrics.class).doesNotHaveBean(SaleTracing.class);
        });
    }

    @Test
    void withoutTheLibrariesTheRouterStillStarts() {
        runner().withClassLoader(new FilteredClassLoader(MeterRegistry.class, OpenTelemetry.class)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(SaleMetrics.class).doesNotHaveBean(SaleTracing.class);
            assertThat(context.getBean(ChatModel.class).chat("What is the capital of Australia?"))
                    .isEqualTo("Canberra (small)");
        });
    }
}
