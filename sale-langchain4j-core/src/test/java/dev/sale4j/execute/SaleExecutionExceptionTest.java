package dev.sale4j.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SaleExecutionExceptionTest {

    private static RuntimeException wrapping(Throwable cause) {
        return SaleExecutionException.of("failed", "task", "auction", "big", List.of(), cause);
    }

    @Test
    void aWrappedBackendFailureKeepsTheRetriableClassOfItsCause() {
        assertThat(wrapping(new RateLimitException("429"))).isInstanceOf(RetriableSaleExecutionException.class)
                .isInstanceOf(RetriableException.class).isInstanceOf(ExecutionFailure.class)
                .hasCauseInstanceOf(RateLimitException.class);
        assertThat(wrapping(new AuthenticationException("bad key"))).isInstanceOf(SaleExecutionException.class)
                .isInstanceOf(NonRetriableException.class).isInstanceOf(ExecutionFailure.class);
    }

    @Test
    void aFailureOutsideLangChain4jIsClassedByTheDefaultHandoverPolicy() {
        assertThat(wrapping(new IOException("reset", new ConnectException("refused"))))
                .isInstanceOf(RetriableException.class);
        assertThat(wrapping(new IllegalStateException("bug"))).isInstanceOf(NonRetriableException.class);
        ExecutionFailure failure = (ExecutionFailure) wrapping(new IllegalStateException("bug"));
        assertThat(failure.taskId()).isEqualTo("task");
        assertThat(failure.auctionId()).isEqualTo("auction");
        assertThat(failure.agent()).isEqualTo("big");
    }
}
