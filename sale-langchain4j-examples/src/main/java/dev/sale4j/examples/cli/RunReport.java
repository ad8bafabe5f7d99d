package dev.sale4j.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.model.output.TokenUsage;
import dev.sale4j.auction.AuctionResult;
import dev.sale4j.chat.SaleChatResponseMetadata;
import dev.sale4j.execute.Handover;
import dev.sale4j.json.SaleJson;
import dev.sale4j.tools.agent.AgentRun;
import dev.sale4j.tools.agent.ModelCall;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an agent run cost and who ran it: the auction's overhead apart from the execution (tokens and USD, from the
 * router's {@link SaleChatResponseMetadata} on every model call), the executors and handovers; printed after the
 * answer and written as the {@code --json} trace.
 */
final class RunReport {

    private final AuctionResult auction;
    private final AgentRun run;
    private final long executionTokens;
    private final double executionUsd;
    private final Set<String> executors = new LinkedHashSet<>();
    private final List<Handover> handovers;

    RunReport(AuctionResult auction, AgentRun run) {
        this.auction = auction;
        this.run = run;
        long tokens = 0;
        double usd = 0;
        List<Handover> seen = List.of();
        for (ModelCall call : run.modelCalls()) {
            TokenUsage u = call.usage();
            tokens += u == null || u.totalTokenCount() == null ? 0 : u.totalTokenCount();
            if (call.metadata() instanceof SaleChatResponseMetadata m) {
                usd += m.executionCostUsd();
                executors.add(m.executor());
                if (m.handovers().size() > seen.size()) {
                    seen = m.handovers();
                }
            }
        }
        this.executionTokens = tokens;
        this.executionUsd = usd;
        this.handovers = seen;
    }

    long overheadTokens() {
        return auction == null ? 0 : auction.overheadTokens();
    }

    double overheadUsd() {
        return auction == null ? 0 : auction.overheadCostUsd();
    }

    void print(PrintWriter out) {
        if (!handovers.isEmpty()) {
            out.println("Handovers:");
            handovers.forEach(h -> out.printf("  %s -> %s: %s%n", h.from(), h.to(), h.reason()));
        }
        out.printf(Locale.ROOT, "Executed by: %s (%d model calls, %d tool calls)%n",
                executors.isEmpty() ? "-" : String.join(", ", executors), run.modelCalls().size(),
                run.toolCalls().size());
        out.printf(Locale.ROOT, "%nCost%n  %-17s %,10d tokens  $%.6f%n", "auction overhead", overheadTokens(),
                overheadUsd());
        out.printf(Locale.ROOT, "  %-17s %,10d tokens  $%.6f%n", "execution", executionTokens, executionUsd);
        out.printf(Locale.ROOT, "  %-17s %,10d tokens  $%.6f%n", "total", overheadTokens() + executionTokens,
                overheadUsd() + executionUsd);
        out.flush();
    }

    /** The whole trace: the agent's result (tool calls, model calls), the auction, per-call execution cost, totals. */
    ObjectNode json(String command, String input, JsonNode result) {
        ObjectNode root = SaleJson.mapper().createObjectNode();
        root.put("command", command);
        root.put("input", input);
        root.set("result", result);
        try {
            root.set("auction", auction == null ? null : SaleJson.mapper().readTree(auction.toJson()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the auction trace could not be read back as JSON", e);
        }
        ObjectNode execution = root.putObject("execution");
        ArrayNode names = execution.putArray("executors");
        executors.forEach(names::add);
        ArrayNode moves = execution.putArray("handovers");
        handovers.forEach(h -> moves.addObject().put("from", h.from()).put("to", h.to()).put("reason", h.reason()));
        ArrayNode calls = execution.putArray("modelCalls");
        for (ModelCall call : run.modelCalls()) {
            ObjectNode c = calls.addObject().put("index", call.index());
            TokenUsage u = call.usage();
            c.put("inputTokens", u == null ? null : u.inputTokenCount());
            c.put("outputTokens", u == null ? null : u.outputTokenCount());
            c.put("toolRequests", call.toolRequests());
            c.put("durationMs", call.duration().toMillis());
            if (call.metadata() instanceof SaleChatResponseMetadata m) {
                c.put("agent", m.executor()).put("costUsd", m.executionCostUsd()).put("auctionId", m.auctionId());
            }
        }
        ObjectNode cost = root.putObject("cost");
        cost.putObject("auctionOverhead").put("tokens", overheadTokens()).put("usd", overheadUsd());
        cost.putObject("execution").put("tokens", executionTokens).put("usd", executionUsd);
        cost.putObject("total").put("tokens", overheadTokens() + executionTokens).put("usd", overheadUsd() + executionUsd);
        return root;
    }

}
