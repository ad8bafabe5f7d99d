package dev.sale4j.examples.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.sale4j.runs.AgentRun;
import dev.sale4j.runs.RecordedRun;
import dev.sale4j.simulate.PolicyRegistry;
import dev.sale4j.simulate.PolicyResult;
import dev.sale4j.simulate.Simulation;
import dev.sale4j.simulate.SimulationResult;
import dev.sale4j.simulate.TaskEmbeddings;
import dev.sale4j.simulate.TaskOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The simulator's every outcome on 1,000 synthetic tasks x 4 agents (all policies, Shapley values) against a
 * fingerprint saved from the simulator before its speed-ups (issue 13): one SHA-256 per policy over every task's
 * chosen agent, executions, correctness, tokens and cost, and every coalition value. Any change of what a policy
 * decides shows up as the policy whose line differs.
 */
class SimulationGoldenTest {

    private static final String GOLDEN = "/simulation/golden-1000x4-seed42.txt";

    /** A deterministic embedder: a smooth function of the task number plus seeded noise, 48 dimensions. */
    static final class SyntheticEmbedder implements EmbeddingModel {
        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            List<Embedding> out = new ArrayList<>();
            for (TextSegment s : segments) {
                String text = s.text();
                int n = Integer.parseInt(text.substring(text.lastIndexOf(' ') + 1));
                Random noise = new Random(text.hashCode());
                float[] v = new float[48];
                for (int d = 0; d < v.length; d++) {
                    v[d] = (float) (Math.sin(n * 0.003 * (d + 1)) + 0.3 * noise.nextGaussian());
                }
                out.add(Embedding.from(v));
            }
            return Response.from(out);
        }

        @Override
        public int dimension() {
            return 48;
        }
    }

    static SimulationResult simulate(int tasks) {
        List<RecordedRun> runs = SyntheticRuns.generate(tasks, 4, 2026);
        List<String> names = runs.get(0).agents().stream().map(AgentRun::agent).toList();
        return Simulation.builder().runs(runs)
                .policies(PolicyRegistry.standard(names, 42).resolve(List.of("all")))
                .folds(5).seed(42).embeddings(TaskEmbeddings.of(new SyntheticEmbedder(), 16, 42)).shapley(true)
                .build().run();
    }

    /** One line per policy (its SHA-256 over every outcome) and one per coalition and Shapley value. */
    static String fingerprint(SimulationResult result) {
        StringBuilder out = new StringBuilder();
        for (PolicyResult p : result.policies()) {
            StringBuilder all = new StringBuilder();
            for (TaskOutcome t : p.outcomes()) {
                all.append(t.id()).append(' ').append(t.chosen()).append(' ').append(t.tried()).append(' ')
                        .append(t.correct()).append(' ').append(t.tokens()).append(' ').append(t.costUsd())
                        .append(' ').append(t.largestTokens()).append(' ').append(t.overheadTokens()).append(' ')
                        .append(t.overheadCostUsd()).append(' ').append(t.oracle()).append(' ')
                        .append(t.solvable()).append(' ').append(t.position()).append('\n');
            }
            out.append("policy ").append(p.name()).append(' ').append(sha256(all.toString())).append('\n');
        }
        new TreeMap<>(result.shapley().coalitions()).forEach((c, v) -> out.append("coalition ").append(c).append(' ')
                .append(v).append('\n'));
        new TreeMap<>(result.shapley().values()).forEach((a, v) -> out.append("shapley ").append(a).append(' ')
                .append(v).append('\n'));
        return out.toString();
    }

    @Test
    void everyPolicyDecidesExactlyAsTheSimulatorDidBeforeItsSpeedUps() throws IOException {
        String actual = fingerprint(simulate(1000));
        Path written = Path.of("target", "simulation-golden-actual.txt");
        Files.createDirectories(written.getParent());
        Files.writeString(written, actual);
        try (InputStream in = SimulationGoldenTest.class.getResourceAsStream(GOLDEN)) {
            assertThat(in).as("saved fingerprint %s (the actual one is in %s)", GOLDEN, written).isNotNull();
            String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(actual).isEqualTo(expected);
        }
    }

    @Test
    void theResultIsTheSameWhateverTheNumberOfThreads() throws Exception {
        java.util.concurrent.ForkJoinPool one = new java.util.concurrent.ForkJoinPool(1);
        java.util.concurrent.ForkJoinPool four = new java.util.concurrent.ForkJoinPool(4);
        try {
            String single = one.submit(() -> fingerprint(simulate(400))).get();
            String parallel = four.submit(() -> fingerprint(simulate(400))).get();
            assertThat(parallel).isEqualTo(single).contains("policy knn-wtp").contains("coalition agent0+agent1");
        } finally {
            one.shutdown();
            four.shutdown();
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
