package dev.sale4j.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sale4j.auction.AuctionResult;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class TaskBookTest {

    private static TaskState task() {
        return TaskState.shadowed(new ShadowEntry("t", "big", new CompletableFuture<AuctionResult>()));
    }

    @Test
    void forgetsTheLeastRecentlyUsedAnswerBeyondItsCapacity() {
        TaskBook book = new TaskBook(2);
        TaskState a = task();
        book.rememberAnswer("a", a);
        book.rememberAnswer("b", task());
        assertThat(book.byAnswer("a")).isSameAs(a);
        book.rememberAnswer("c", task());

        assertThat(book.trackedAnswers()).isEqualTo(2);
        assertThat(book.byAnswer("a")).isSameAs(a);
        assertThat(book.byAnswer("b")).isNull();
    }

    @Test
    void aScopeStartsItsTaskOnceAndForgetsItWhenEnded() {
        TaskBook book = new TaskBook(10);
        TaskState first = book.inScope("s", TaskBookTest::task);

        assertThat(book.inScope("s", () -> { throw new AssertionError("started twice"); })).isSameAs(first);
        book.endScope("s");
        assertThat(book.inScope("s", TaskBookTest::task)).isNotSameAs(first);
    }

    @Test
    void rejectsACapacityBelowOne() {
        assertThatThrownBy(() -> new TaskBook(0)).hasMessageContaining("maxTrackedTasks");
    }
}
