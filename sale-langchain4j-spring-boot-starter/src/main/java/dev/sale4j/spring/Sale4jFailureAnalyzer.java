package dev.sale4j.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link Sale4jConfigurationException} into Spring Boot's "Description / Action" startup report. */
public final class Sale4jFailureAnalyzer extends AbstractFailureAnalyzer<Sale4jConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, Sale4jConfigurationException cause) {
        return new FailureAnalysis(
                "The sale4j router could not be configured: " + cause.getMessage(),
                "Fix the property " + cause.property() + ": " + cause.fix(),
                cause);
    }
}
