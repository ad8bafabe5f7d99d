package dev.sale4j.chat;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** A streaming handler for tests: keeps the partial responses and the outcome, complete response or error. */
final class StreamCollector implements StreamingChatResponseHandler {

    private final List<String> partials = new CopyOnWriteArrayList<>();
    private final CompletableFuture<ChatResponse> outcome = new CompletableFuture<>();

    @Override
    public void onPartialResponse(String partial) {
        partials.add(partial);
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
        outcome.complete(response);
    }

    @Override
    public void onError(Throwable error) {
        outcome.completeExceptionally(error);
    }

    List<String> partials() {
        return partials;
    }

    /** The complete response; fails the test with the stream's error if it ended in one. */
    ChatResponse response(long seconds) throws Exception {
        try {
            return outcome.get(seconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the stream ended in an error", e.getCause());
        }
    }

    /** The stream's error; fails the test if the stream completed instead. */
    Throwable error(long seconds) throws Exception {
        try {
            ChatResponse response = outcome.get(seconds, TimeUnit.SECONDS);
            throw new AssertionError("the stream completed instead of failing: " + response);
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }
}
