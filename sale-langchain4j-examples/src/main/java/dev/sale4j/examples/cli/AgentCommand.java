package dev.sale4j.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.sale4j.SaleRouter;
import dev.sale4j.auction.AuctionResult;
import dev.sale4j.auction.NoBidsException;
import dev.sale4j.chat.SaleStreamingChatModel;
import dev.sale4j.examples.config.PoolConfig;
import dev.sale4j.examples.config.PoolFactory;
import dev.sale4j.execute.ExecutionFailure;
import dev.sale4j.json.SaleJson;
import dev.sale4j.tools.agent.AgentListener;
import dev.sale4j.tools.agent.AgentRun;
import dev.sale4j.tools.agent.ModelCall;
import dev.sale4j.tools.agent.ToolCall;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * What {@code sale research} and {@code sale code} share: the router over the pool with streaming backends, one
 * auction per question (bids see the agent's system prompt and tools, as the request carries them), the answer
 * streamed to stdout as it is written, progress on stderr, then the auction table, the executors and handovers, the
 * cost split into auction overhead and execution, and the {@code --json} trace. Exit codes: 0 done, 1 the agent did
 * not succeed (see the subcommand), 2 bad input, 3 no backend could bid, 4 the execution failed ({@link ExitCodes}).
 */
abstract class AgentCommand implements Callable<Integer> {

    static final int NOT_DONE = ExitCodes.NOT_DONE;
    static final int NO_BIDS = ExitCodes.NO_BIDS;
    static final int EXECUTION_FAILED = ExitCodes.EXECUTION_FAILED;

    /** What an agent run gave: its trace, its result as JSON, lines to print after the answer, and its exit code. */
    record Outcome(AgentRun run, JsonNode json, List<String> details, int exitCode) {}

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    PoolOptions options;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Write the whole trace as JSON to FILE: the auction, every tool call (arguments, result "
                    + "size), every model call (tokens, cost, agent), the cost split.")
    Path json;

    @Option(names = "--max-tool-calls", paramLabel = "N", description = "Tool calls allowed for the task.")
    Integer maxToolCalls;

    /** "research" or "code". */
    abstract String name();

    /** The question or task, as given. */
    abstract String input();

    /** Runs the agent on the router, streaming through {@code listener}. */
    abstract Outcome run(StreamingChatModel model, AgentListener listener) throws Exception;

    @Override
    public final Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String command = "sale " + name();
        if (input() == null || input().isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "the " + name() + " text is empty: give it in quotes");
        }
        OutputPaths.requireWritable(json, "--json");
        Progress progress = new Progress(err);
        PoolConfig pool = options.poolConfig();
        SaleRouter router = options.router(pool, List.of(progress));
        SaleStreamingChatModel.Builder builder = SaleStreamingChatModel.builder().router(router);
        new PoolFactory(System.getenv()).streamingModels(pool, options.callTimeout()).forEach(builder::streamingModel);
        SaleStreamingChatModel model = builder.build();
        FailureAdvice advice = new FailureAdvice(pool, options.poolFile(), options.bidTimeout(pool), options.callTimeout());
        AtomicBoolean midLine = new AtomicBoolean();
        AgentListener listener = new AgentListener() {
            @Override
            public void onToolStarted(int index, String tool, String arguments) {
                progress.onToolStarted(index, tool, arguments);
            }

            @Override
            public void onToolFinished(ToolCall call) {
                progress.onToolFinished(call);
            }

            @Override
            public void onModelCall(ModelCall call) {
                progress.onModelCall(call);
            }

            @Override
            public void onPartialText(String text) {
                out.print(text);
                out.flush();
                midLine.set(!text.endsWith("\n"));
            }
        };
        Outcome outcome;
        try {
            outcome = run(model, listener);
        } catch (RuntimeException e) {
            if (midLine.get()) {
                out.println();
                out.flush();
            }
            NoBidsException noBids = find(e, NoBidsException.class);
            if (noBids != null) {
                advice.printNoBids(command, noBids.failures(), err);
                return NO_BIDS;
            }
            ExecutionFailure failure = find(e, ExecutionFailure.class);
            if (failure != null) {
                advice.printExecutionFailure(command, failure.agent(), (Throwable) failure, err);
                return EXECUTION_FAILED;
            }
            throw e;
        }
        if (midLine.get()) {
            out.println();
        }
        if (outcome.run().note() != null) {
            out.println("Note: " + outcome.run().note());
        }
        outcome.details().forEach(out::println);
        List<AuctionResult> auctions = progress.auctions();
        AuctionResult auction = auctions.isEmpty() ? null : auctions.get(auctions.size() - 1);
        out.println();
        if (auction != null) {
            BidsTable.print(auction, out);
        }
        RunReport report = new RunReport(auction, outcome.run());
        report.print(out);
        if (json != null) {
            Files.writeString(json, SaleJson.mapper().writer(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(report.json(name(), input(), outcome.json())), StandardCharsets.UTF_8);
            err.println("trace written to " + json);
            err.flush();
        }
        return outcome.exitCode();
    }

    private static <T> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
