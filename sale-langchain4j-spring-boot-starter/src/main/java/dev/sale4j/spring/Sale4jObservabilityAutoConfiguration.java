package dev.sale4j.spring;

import dev.sale4j.observe.SaleMetrics;
import dev.sale4j.observe.SaleTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers sale4j's metrics ({@link SaleMetrics}, when Micrometer and a {@link MeterRegistry} bean are present, as
 * with Spring Boot Actuator) and traces ({@link SaleTracing}, when OpenTelemetry and an {@link OpenTelemetry} bean
 * are present). Both are {@code AuctionListener}s, which the router bean picks up.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration"})
public class Sale4jObservabilityAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class Metrics {

        @Bean
        @ConditionalOnBean(MeterRegistry.class)
        @ConditionalOnMissingBean
        SaleMetrics sale4jMetrics(MeterRegistry registry) {
            return SaleMetrics.of(registry);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(OpenTelemetry.class)
    static class Tracing {

        @Bean
        @ConditionalOnBean(OpenTelemetry.class)
        @ConditionalOnMissingBean
        SaleTracing sale4jTracing(OpenTelemetry openTelemetry) {
            return SaleTracing.of(openTelemetry);
        }
    }
}
