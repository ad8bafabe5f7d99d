package dev.sale4j.examples.cli;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.sale4j.tools.agent.AgentListener;
import dev.sale4j.tools.agent.CodingAgent;
import dev.sale4j.tools.agent.CodingResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sale code "task" [--tests FILE]}: the coding agent (Python sandbox) on the router: one auction, the winner
 * writes, runs and fixes the code; the final code is printed apart and the given tests are run against it in the
 * sandbox. Exits 1 when tests were given and the final code fails them, or there is no code.
 */
@Command(name = "code", mixinStandardHelpOptions = true,
        description = "Write Python for a task with the pool's auction winner, run it in the sandbox; stream the "
                + "answer, then the final code, the test verdict, the auction table and the cost.")
public final class CodeCommand extends AgentCommand {

    @Parameters(index = "0", paramLabel = "TASK", description = "The code to write, with its examples.")
    String task;

    @Option(names = "--tests", paramLabel = "FILE",
            description = "Python assert statements, one per line ('#' lines ignored), that the code must pass.")
    Path tests;

    @Override
    String name() {
        return "code";
    }

    @Override
    String input() {
        return task;
    }

    @Override
    Outcome run(StreamingChatModel model, AgentListener listener) throws IOException {
        List<String> asserts = readTests();
        CodingAgent.Builder builder = CodingAgent.builder().streamingChatModel(model);
        if (maxToolCalls != null) {
            builder.maxToolCalls(maxToolCalls);
        }
        CodingResult result = builder.build().solveStreaming(task, asserts, listener);
        List<String> details = new ArrayList<>();
        details.add("");
        if (result.hasCode()) {
            details.add("Final code (" + result.origin() + "):");
            result.code().lines().forEach(l -> details.add("  " + l));
        } else {
            details.add("No final code: the answer has no ```python block and no program ran cleanly.");
        }
        if (result.verdict() != null) {
            details.add(result.verdict().passed() ? "Tests: " + asserts.size() + " of " + asserts.size() + " passed"
                    : "Tests: failed: " + result.verdict().reason());
        }
        boolean ok = result.hasCode() && (result.verdict() == null || result.verdict().passed());
        return new Outcome(result.run(), result.toJsonTree(), details, ok ? 0 : NOT_DONE);
    }

    private List<String> readTests() throws IOException {
        if (tests == null) {
            return List.of();
        }
        if (!Files.isRegularFile(tests)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--tests " + tests + " does not exist: pass a file of Python assert lines");
        }
        List<String> lines = Files.readAllLines(tests, StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        if (lines.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--tests " + tests + " has no assert lines: write one Python assert per line");
        }
        return lines;
    }
}
