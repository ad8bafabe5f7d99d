package dev.sale4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.exception.RateLimitException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class ErrorDescriptionsTest {

    @Test
    void providerErrorsKeepTheirTypeAndMessage() {
        assertThat(ErrorDescriptions.describe(new RateLimitException("Rate limit reached")))
                .isEqualTo("RateLimitException: Rate limit reached");
    }

    @Test
    void networkErrorsAreNamedWhateverWrapsThem() {
        RuntimeException wrapped = new RuntimeException(new ConnectException());
        assertThat(ErrorDescriptions.describe(wrapped)).isEqualTo("ConnectException: connection refused or host unreachable");
        assertThat(ErrorDescriptions.describe(new RuntimeException(new UnknownHostException("ollama.internal"))))
                .isEqualTo("UnknownHostException: ollama.internal");
    }

    @Test
    void otherIoCausesAreAddedInBrackets() {
        assertThat(ErrorDescriptions.describe(new IllegalStateException("read failed", new IOException("stream closed"))))
                .isEqualTo("IllegalStateException: read failed [IOException: stream closed]");
    }
}
