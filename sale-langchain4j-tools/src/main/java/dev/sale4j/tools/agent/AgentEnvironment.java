package dev.sale4j.tools.agent;

import dev.langchain4j.agent.tool.ToolSpecification;

import java.util.List;

/**
 * What an agent works in, as SALE's bids are conditioned on it: the system message and the tools the executing
 * model will have. Pass both to the router (e.g. as the system message and tool specifications of the request) so
 * every bidder plans for the same environment the winner then runs in.
 *
 * @param systemMessage the system message text sent with every call of the agent
 * @param tools         the tool specifications sent with every call, in a stable order
 */
public record AgentEnvironment(String systemMessage, List<ToolSpecification> tools) {

    public AgentEnvironment {
        if (systemMessage == null || systemMessage.isBlank()) {
            throw new IllegalArgumentException("systemMessage must not be blank");
        }
        tools = List.copyOf(tools);
    }

    /** @return the tool names, in order */
    public List<String> toolNames() {
        return tools.stream().map(ToolSpecification::name).toList();
    }
}
