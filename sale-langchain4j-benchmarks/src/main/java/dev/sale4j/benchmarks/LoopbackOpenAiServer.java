package dev.sale4j.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible chat-completions server on loopback (127.0.0.1) that answers every request after a fixed
 * latency L, counted from the moment the request's body has been read, in OpenAI's wire format: {@code usage}
 * always, {@code logprobs.content} with five alternatives per token when the request asks for {@code logprobs}.
 *
 * <p>It plays a pool of models by the request's {@code model}: a bid prompt gets a plan naming the model, a jury
 * prompt gets {@code {"scores": [...]}} for every labelled strategy (the larger the model that wrote a plan, the
 * higher its score, and a refined plan scores 5, so that refinement runs and can win), a refinement prompt gets a
 * refined plan. Every request runs on its own thread of a pool large enough for all concurrent calls, and the
 * server sends its responses without Nagle's delay ({@code sun.net.httpserver.nodelay}), so that the server itself
 * adds no more than it takes to serialise a response: {@link LoopbackServerBenchmark} measures it alone.
 */
final class LoopbackOpenAiServer implements AutoCloseable {

    static final String PATH = "/v1/chat/completions";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LABEL = Pattern.compile("(?m)^B(\\d+):\\n(.*?)(?=\\n\\nB\\d+:\\n|\\n\\nAnswer with)",
            Pattern.DOTALL);
    private static final Pattern MODEL_SIZE = Pattern.compile("qwen3:(\\d+)b");

    private final HttpServer server;
    private final ExecutorService executor;
    private final long latencyNanos;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicInteger logProbRequests = new AtomicInteger();
    private final AtomicInteger upgradeRequests = new AtomicInteger();
    private final Set<InetSocketAddress> connections = ConcurrentHashMap.newKeySet();

    private LoopbackOpenAiServer(long latencyMillis) throws IOException {
        // read once by the JDK's server configuration: send each response without waiting for the peer's ACK
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.latencyNanos = TimeUnit.MILLISECONDS.toNanos(latencyMillis);
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "loopback-openai");
            thread.setDaemon(true);
            return thread;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.setExecutor(executor);
        server.createContext(PATH, this::handle);
        server.start();
    }

    /** Starts a server on a free loopback port whose every answer takes {@code latencyMillis}. */
    static LoopbackOpenAiServer start(long latencyMillis) {
        if (latencyMillis < 0) {
            throw new IllegalArgumentException("latencyMillis must be 0 or more, got " + latencyMillis);
        }
        try {
            return new LoopbackOpenAiServer(latencyMillis);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the loopback OpenAI server: " + e.getMessage(), e);
        }
    }

    /** The base URL an {@code OpenAiChatModel} takes, e.g. {@code http://127.0.0.1:41234/v1}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    long requests() {
        return requests.get();
    }

    int logProbRequests() {
        return logProbRequests.get();
    }

    /** Requests that asked to switch protocols (the JDK client's h2c {@code Upgrade} attempt on plain http). */
    int upgradeRequests() {
        return upgradeRequests.get();
    }

    /** Distinct client connections (remote address and port) seen so far. */
    int connections() {
        return connections.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            connections.add(exchange.getRemoteAddress());
            if (exchange.getRequestHeaders().containsKey("Upgrade")) {
                upgradeRequests.incrementAndGet();
            }
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            long due = System.nanoTime() + latencyNanos;
            requests.incrementAndGet();
            byte[] body = JSON.writeValueAsBytes(answer(request));
            for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private ObjectNode answer(JsonNode request) {
        String model = request.path("model").asText();
        String prompt = request.path("messages").path(0).path("content").asText();
        String content;
        if (prompt.startsWith("You are a juror")) {
            content = juryAnswer(prompt);
        } else if (prompt.contains("a more expensive agent's strategy is currently ahead")) {
            content = "Refined strategy of " + model + ":\n" + plan(model);
        } else {
            content = "Strategy of " + model + ":\n" + plan(model);
        }
        List<String> tokens = tokens(content);
        ObjectNode response = JSON.createObjectNode();
        response.put("id", "chatcmpl-" + requests.get());
        response.put("object", "chat.completion");
        response.put("created", 1764115200L);
        response.put("model", model);
        ObjectNode choice = response.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", content);
        message.putNull("refusal");
        if (request.path("logprobs").asBoolean(false)) {
            logProbRequests.incrementAndGet();
            choice.putObject("logprobs").set("content", logProbs(tokens, request.path("top_logprobs").asInt(0)));
        } else {
            choice.putNull("logprobs");
        }
        choice.put("finish_reason", "stop");
        int promptTokens = prompt.length() / 4;
        ObjectNode usage = response.putObject("usage");
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", tokens.size());
        usage.put("total_tokens", promptTokens + tokens.size());
        usage.putObject("prompt_tokens_details").put("cached_tokens", 0);
        usage.putObject("completion_tokens_details").put("reasoning_tokens", 0);
        response.put("system_fingerprint", "fp_loopback");
        return response;
    }

    private static String plan(String model) {
        return """
                1. Search for the official list of capitals and read the first two results (%s).
                2. Cross-check the answer against a second, independent source (an encyclopedia page).
                3. If the sources disagree, search for the constitutional or legal definition and prefer it.
                4. Answer with the city name and cite both sources; flag any remaining doubt.""".formatted(model);
    }

    private static String juryAnswer(String prompt) {
        StringBuilder out = new StringBuilder("{\"scores\": [");
        Matcher m = LABEL.matcher(prompt);
        boolean first = true;
        while (m.find()) {
            out.append(first ? "" : ", ").append("{\"bid\": \"B").append(m.group(1)).append("\", \"score\": ")
                    .append(score(m.group(2))).append('}');
            first = false;
        }
        return out.append("]}").toString();
    }

    private static int score(String plan) {
        if (plan.startsWith("Refined")) {
            return 5;
        }
        Matcher size = MODEL_SIZE.matcher(plan);
        if (!size.find()) {
            return 3;
        }
        int billions = Integer.parseInt(size.group(1));
        return billions >= 32 ? 5 : billions >= 14 ? 4 : billions >= 8 ? 3 : 2;
    }

    /** Word-and-space tokens, roughly as a BPE tokenizer cuts English. */
    private static List<String> tokens(String content) {
        List<String> tokens = new ArrayList<>();
        Matcher m = Pattern.compile("\\s*\\S+").matcher(content);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    private static ArrayNode logProbs(List<String> tokens, int top) {
        ArrayNode content = JSON.createArrayNode();
        for (int i = 0; i < tokens.size(); i++) {
            double chosen = -0.05 - 0.4 * ((i * 7) % 5) / 4.0;
            ObjectNode position = content.addObject();
            position.put("token", tokens.get(i));
            position.put("logprob", chosen);
            position.putNull("bytes");
            ArrayNode alternatives = position.putArray("top_logprobs");
            for (int k = 0; k < top; k++) {
                ObjectNode alternative = alternatives.addObject();
                alternative.put("token", k == 0 ? tokens.get(i) : tokens.get(i) + "~" + k);
                alternative.put("logprob", k == 0 ? chosen : chosen - 1.5 - k);
                alternative.putNull("bytes");
            }
        }
        return content;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
