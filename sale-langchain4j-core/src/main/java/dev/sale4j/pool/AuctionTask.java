package dev.sale4j.pool;

import dev.langchain4j.agent.tool.ToolSpecification;
import java.util.List;

/**
 * What the agents bid for: the task text and the tools the executing agent will have.
 *
 * <p>Bids are conditioned on the task <em>and its environment</em> (SALE step 1): the bid prompt names these tools,
 * but no tool is called while bidding.
 *
 * @param text  the task, as the user wrote it
 * @param tools the tools the winner will be able to call; empty when it has none
 */
public record AuctionTask(String text, List<ToolSpecification> tools) {

    public AuctionTask {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("An auction needs a task: the task text is empty");
        }
        tools = tools == null ? List.of() : List.copyOf(tools);
    }

    public static AuctionTask of(String text) {
        return new AuctionTask(text, List.of());
    }

    public static AuctionTask of(String text, List<ToolSpecification> tools) {
        return new AuctionTask(text, tools);
    }
}
