package dev.sale4j.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * An OpenAI-compatible chat-completions server on loopback (127.0.0.1) whose every answer is complete L after its
 * request arrived, in OpenAI's wire format: {@code usage} always, {@code logprobs.content} with five alternatives
 * per token when the request asks for {@code logprobs}.
 *
 * <p>It plays a pool of models by the request's {@code model}: a bid prompt gets a plan naming the model, a jury
 * prompt gets {@code {"scores": [...]}} for every labelled strategy (the larger the model that wrote a plan, the
 * higher its score, and a refined plan scores 5, so that refinement runs and can win), a refinement prompt gets a
 * refined plan.
 *
 * <p>The server stands for a model whose latency is L, so it adds nothing to L itself: the clock starts when the
 * first byte of a request arrives, reading the request and building the answer happen within L, and the answer
 * (status line, headers and a {@code Content-Length} body) leaves in one write on a {@code TCP_NODELAY} socket.
 * Each connection has its own thread, which is the one that reads its requests (no hand-off from a dispatcher), and
 * connections are kept alive (HTTP/1.1). The JDK's {@code HttpServer} it replaces added 1 to 3 ms per answer on the
 * 2-core machine: L was counted only once the body had been read, after a hand-off from its dispatcher thread, and
 * it flushes the headers before the body, two writes that each wake the client. {@link LoopbackServerBenchmark}
 * measures the server and the clients alone.
 */
final class LoopbackOpenAiServer implements AutoCloseable {

    static final String PATH = "/v1/chat/completions";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LABEL = Pattern.compile("(?m)^B(\\d+):\\n(.*?)(?=\\n\\nB\\d+:\\n|\\n\\nAnswer with)",
            Pattern.DOTALL);
    private static final Pattern MODEL_SIZE = Pattern.compile("qwen3:(\\d+)b");
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private final ServerSocket socket;
    private final ExecutorService executor;
    private final long latencyNanos;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicInteger logProbRequests = new AtomicInteger();
    private final AtomicInteger upgradeRequests = new AtomicInteger();
    private final Set<SocketAddress> connections = ConcurrentHashMap.newKeySet();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private LoopbackOpenAiServer(long latencyMillis) throws IOException {
        this.latencyNanos = TimeUnit.MILLISECONDS.toNanos(latencyMillis);
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "loopback-openai");
            thread.setDaemon(true);
            return thread;
        });
        this.socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        executor.execute(this::accept);
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
        return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
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

    private void accept() {
        while (!closed) {
            try {
                Socket connection = socket.accept();
                connection.setTcpNoDelay(true);
                connections.add(connection.getRemoteSocketAddress());
                open.add(connection);
                executor.execute(() -> serve(connection));
            } catch (IOException e) {
                if (!closed) {
                    throw new IllegalStateException("The loopback OpenAI server stopped accepting: " + e.getMessage(), e);
                }
            }
        }
    }

    /** Answers the requests of one kept-alive connection in turn, until the client closes it or asks to. */
    private void serve(Socket connection) {
        try (connection) {
            InputStream in = new BufferedInputStream(connection.getInputStream());
            OutputStream out = connection.getOutputStream();
            boolean keepAlive = true;
            while (keepAlive) {
                int first = in.read();
                if (first < 0) {
                    return;
                }
                long due = System.nanoTime() + latencyNanos;
                Request request = Request.read(first, in);
                keepAlive = request.keepAlive();
                byte[] response = respond(request);
                for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
                    LockSupport.parkNanos(left);
                }
                out.write(response);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away: nothing to answer
        } finally {
            open.remove(connection);
        }
    }

    private byte[] respond(Request request) {
        if (request.headers().containsKey("upgrade")) {
            upgradeRequests.incrementAndGet();
        }
        if (!request.method().equals("POST") || !request.path().equals(PATH)) {
            return response(404, error("No route for " + request.method() + " " + request.path() + ": POST " + PATH));
        }
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (IOException e) {
            return response(400, error("The request body is not JSON: " + e.getMessage()));
        }
        requests.incrementAndGet();
        try {
            return response(200, JSON.writeValueAsBytes(answer(body)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write an answer: " + e.getMessage(), e);
        }
    }

    private static byte[] error(String message) {
        ObjectNode error = JSON.createObjectNode();
        error.putObject("error").put("message", message).put("type", "invalid_request_error");
        return error.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Status line, headers and body in one array, so that the answer leaves in one write. */
    private static byte[] response(int status, byte[] body) {
        String reason = status == 200 ? "OK" : status == 404 ? "Not Found" : "Bad Request";
        String head = "HTTP/1.1 " + status + " " + reason + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + body.length);
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** One HTTP/1.1 request with a {@code Content-Length} body (the only kind OpenAI clients send). */
    private record Request(String method, String path, String version, Map<String, String> headers, byte[] body) {

        static Request read(int first, InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream(512);
            head.write(first);
            int matched = first == '\r' ? 1 : 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed inside a request's headers");
                }
                head.write(b);
                matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
                if (head.size() > MAX_HEADER_BYTES) {
                    throw new IOException("request headers over " + MAX_HEADER_BYTES + " bytes");
                }
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            String[] requestLine = lines[0].split(" ");
            if (requestLine.length != 3) {
                throw new IOException("malformed request line: " + lines[0]);
            }
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).trim());
                }
            }
            if (headers.containsKey("transfer-encoding")) {
                throw new IOException("chunked request bodies are not supported: send a Content-Length");
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            byte[] body = in.readNBytes(length);
            if (body.length < length) {
                throw new IOException("connection closed inside a request's body");
            }
            return new Request(requestLine[0], requestLine[1], requestLine[2], headers, body);
        }

        boolean keepAlive() {
            String connection = headers.getOrDefault("connection", "");
            return version.equals("HTTP/1.1") ? !connection.equalsIgnoreCase("close")
                    : connection.equalsIgnoreCase("keep-alive");
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
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket connection : open) {
            try {
                connection.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        executor.shutdownNow();
    }
}
