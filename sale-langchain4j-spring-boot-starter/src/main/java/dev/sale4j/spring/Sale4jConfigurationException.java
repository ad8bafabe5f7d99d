package dev.sale4j.spring;

import dev.langchain4j.exception.NonRetriableException;

/**
 * A {@code sale4j.*} property (or a {@link SalePoolAgent} bean) that cannot give a working router. Startup fails with
 * it, and {@link Sale4jFailureAnalyzer} prints the property and the fix.
 */
public final class Sale4jConfigurationException extends NonRetriableException {

    private final String property;
    private final String fix;

    public Sale4jConfigurationException(String property, String problem, String fix) {
        super(property + " " + problem + ". " + fix);
        this.property = property;
        this.fix = fix;
    }

    /** The property at fault, e.g. {@code sale4j.agents[1].provider}. */
    public String property() {
        return property;
    }

    /** What to change. */
    public String fix() {
        return fix;
    }
}
