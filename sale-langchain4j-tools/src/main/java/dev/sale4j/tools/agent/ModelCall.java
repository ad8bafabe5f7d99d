package dev.sale4j.tools.agent;

import dev.langchain4j.model.chat.response.ChatResponseMetadata;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;

import java.time.Duration;

/**
 * One call of an agent run to its chat model.
 *
 * @param index        0-based position in the run
 * @param usage        the tokens the backend reported, or null when it reported none
 * @param finishReason why the model stopped, or null when not reported
 * @param toolRequests how many tool calls the answer asked for
 * @param duration     wall time of the call (for streaming: until the complete response)
 * @param metadata     the response metadata as the model returned it (a router puts its auction here), or null
 */
public record ModelCall(int index, TokenUsage usage, FinishReason finishReason, int toolRequests, Duration duration,
                        ChatResponseMetadata metadata) {
}
