package dev.sale4j.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSONL line into a {@link RecordedRun}, checking every field against the schema and naming the first
 * problem by its path ({@code field 'agents[2].price' is missing}). Non-numbers such as {@code NaN} are read so that
 * they can be rejected with a clear message rather than a parser error.
 */
final class RecordedRunParser {

    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private RecordedRunParser() {}

    static RecordedRun parse(String line, int lineNumber) {
        JsonNode root;
        try {
            root = LENIENT.readTree(line);
        } catch (JsonProcessingException e) {
            throw new RecordedRunsException(lineNumber, "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new RecordedRunsException(lineNumber, "expected one JSON object per line");
        }
        try {
            return read(root);
        } catch (IllegalArgumentException e) {
            throw new RecordedRunsException(lineNumber, e.getMessage());
        }
    }

    private static RecordedRun read(JsonNode root) {
        int version = (int) integer(root, "schemaVersion", "schemaVersion", 1, Integer.MAX_VALUE);
        if (version < RecordedRun.OLDEST_VERSION || version > RecordedRun.SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion " + version + " is not supported: this sale4j reads "
                    + "versions " + RecordedRun.OLDEST_VERSION + " to " + RecordedRun.SCHEMA_VERSION);
        }
        boolean v2 = version >= 2;
        String id = text(root, "id", "id", true);
        if (id.isBlank()) {
            throw new IllegalArgumentException("field 'id' is blank: give every task an id");
        }
        String text = text(root, "text", "text", true);
        String domain = text(root, "domain", "domain", false);
        String bin = text(root, "bin", "bin", false);
        String winner = text(root, "winner", "winner", false);
        JsonNode agentsNode = root.get("agents");
        if (agentsNode == null || agentsNode.isNull()) {
            throw missing("agents");
        }
        if (!agentsNode.isArray() || agentsNode.isEmpty()) {
            throw new IllegalArgumentException("field 'agents' must be a non-empty array of agent runs");
        }
        List<AgentRun> agents = new ArrayList<>();
        for (int i = 0; i < agentsNode.size(); i++) {
            agents.add(agent(agentsNode.get(i), "agents[" + i + "]", v2));
        }
        AuctionOverhead overhead = v2 ? overhead(root.get("overhead")) : null;
        RoutingInfo routing = v2 ? routing(root.get("routing")) : null;
        return new RecordedRun(version, id, text, domain, bin, winner, agents, overhead, routing);
    }

    private static AuctionOverhead overhead(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        object(node, "overhead");
        return new AuctionOverhead(integer(node, "tokens", "overhead.tokens", 0, Long.MAX_VALUE),
                number(node, "costUsd", "overhead.costUsd", true, 0, Double.MAX_VALUE));
    }

    private static RoutingInfo routing(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        object(node, "routing");
        String policy = text(node, "policy", "routing.policy", true);
        Integer order = node.hasNonNull("order")
                ? (int) integer(node, "order", "routing.order", 0, Integer.MAX_VALUE) : null;
        Integer position = node.hasNonNull("position")
                ? (int) integer(node, "position", "routing.position", 0, Integer.MAX_VALUE) : null;
        Long seed = node.hasNonNull("seed") ? integer(node, "seed", "routing.seed", Long.MIN_VALUE, Long.MAX_VALUE)
                : null;
        return new RoutingInfo(policy, order, position, seed, bool(node, "refined", "routing.refined"),
                text(node, "refinedAgent", "routing.refinedAgent", false),
                bool(node, "winnerCorrect", "routing.winnerCorrect"));
    }

    private static ExecutionDetail execution(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        object(node, path);
        Long in = optionalInteger(node, "inputTokens", path + ".inputTokens");
        Long out = optionalInteger(node, "outputTokens", path + ".outputTokens");
        Long calls = optionalInteger(node, "toolCalls", path + ".toolCalls");
        if (calls != null && calls > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("field '" + path + ".toolCalls' is " + calls + ": too large");
        }
        Long duration = optionalInteger(node, "durationMs", path + ".durationMs");
        Double verifier = node.hasNonNull("verifierScore")
                ? number(node, "verifierScore", path + ".verifierScore", true, 0, 1) : null;
        return new ExecutionDetail(in, out, calls == null ? null : calls.intValue(), duration,
                text(node, "verdict", path + ".verdict", false), text(node, "reason", path + ".reason", false),
                verifier);
    }

    private static void object(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("field '" + path + "' must be an object, got " + node);
        }
    }

    private static Long optionalInteger(JsonNode node, String field, String path) {
        return node.hasNonNull(field) ? integer(node, field, path, 0, Long.MAX_VALUE) : null;
    }

    private static Boolean bool(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw new IllegalArgumentException("field '" + path + "' must be true, false or null");
        }
        return v.booleanValue();
    }

    private static AgentRun agent(JsonNode node, String path, boolean v2) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("field '" + path + "' must be an object");
        }
        String name = text(node, "agent", path + ".agent", true);
        long planTokens = integer(node, "planTokens", path + ".planTokens", 0, Long.MAX_VALUE);
        double price = number(node, "price", path + ".price", true, 0, Double.MAX_VALUE);
        double entropy = number(node, "entropy", path + ".entropy", true, 0, 1);
        String estimator = text(node, "entropyEstimator", path + ".entropyEstimator", false);
        Map<String, Integer> scores = new LinkedHashMap<>();
        JsonNode jury = node.get("juryScores");
        if (jury != null && !jury.isNull()) {
            if (!jury.isObject()) {
                throw new IllegalArgumentException("field '" + path + ".juryScores' must be an object juror -> 0..5");
            }
            for (Iterator<String> it = jury.fieldNames(); it.hasNext(); ) {
                String juror = it.next();
                JsonNode v = jury.get(juror);
                scores.put(juror, v.isNull() ? null
                        : (int) integer(jury, juror, path + ".juryScores." + juror, 0, 5));
            }
        }
        Boolean correct = null;
        JsonNode c = node.get("correct");
        if (c != null && !c.isNull()) {
            if (!c.isBoolean()) {
                throw new IllegalArgumentException("field '" + path + ".correct' must be true, false or null");
            }
            correct = c.booleanValue();
        }
        Long tokens = node.hasNonNull("executionTokens")
                ? integer(node, "executionTokens", path + ".executionTokens", 0, Long.MAX_VALUE) : null;
        Double cost = node.hasNonNull("executionCostUsd")
                ? number(node, "executionCostUsd", path + ".executionCostUsd", true, 0, Double.MAX_VALUE) : null;
        ExecutionDetail detail = v2 ? execution(node.get("execution"), path + ".execution") : null;
        return new AgentRun(name, planTokens, price, entropy, estimator, scores, correct, tokens, cost, detail);
    }

    private static IllegalArgumentException missing(String path) {
        return new IllegalArgumentException("field '" + path + "' is missing");
    }

    private static String text(JsonNode node, String field, String path, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw missing(path);
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("field '" + path + "' must be a string, got " + v);
        }
        return v.textValue();
    }

    private static double number(JsonNode node, String field, String path, boolean required, double min, double max) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw missing(path);
            }
            return Double.NaN;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException("field '" + path + "' must be a number, got " + v);
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("field '" + path + "' is " + d + ": it must be a finite number");
        }
        if (d < min || d > max) {
            throw new IllegalArgumentException("field '" + path + "' is " + d + ": it must lie in [" + min + ", "
                    + (max == Double.MAX_VALUE ? "inf)" : max + "]"));
        }
        return d;
    }

    private static long integer(JsonNode node, String field, String path, long min, long max) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw missing(path);
        }
        if (!v.isIntegralNumber() && !(v.isNumber() && Double.isFinite(v.doubleValue())
                && v.doubleValue() == Math.rint(v.doubleValue()))) {
            throw new IllegalArgumentException("field '" + path + "' must be an integer, got " + v);
        }
        long l = v.longValue();
        if (l < min || l > max) {
            throw new IllegalArgumentException("field '" + path + "' is " + l + ": it must lie in [" + min + ", "
                    + (max == Long.MAX_VALUE ? "inf)" : max + "]"));
        }
        return l;
    }
}
