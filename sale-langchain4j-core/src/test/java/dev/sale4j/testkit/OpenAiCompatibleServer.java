package dev.sale4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback HTTP server that behaves like an OpenAI-compatible chat model for the questions LangChain4j's
 * conformance suites ask, answering in the real chat-completions wire format (JSON, or SSE when the request streams).
 *
 * <p>It reads each request: the router's bid prompts get a plan, its jury prompts a score; otherwise it answers the
 * user's message from a small table of facts, calls the offered tools whose subject the message names (arguments
 * taken from the message), fills a requested JSON schema's fields, and honours {@code stop}, {@code max_tokens} /
 * {@code max_completion_tokens} (a cut answer with finish reason {@code length}) and {@code tool_choice: required}.
 * Tokens are whitespace-led words or punctuation runs; usage counts them. Every path {@code /<agent>/v1/chat/completions} is served.
 */
public final class OpenAiCompatibleServer implements AutoCloseable {

    /** Marks the router's bid prompt. */
    public static final String BID_PHRASE = "Do not carry out the task now";
    /** Marks the router's jury prompt. */
    public static final String JURY_PHRASE = "You are a juror";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ENTITY = Pattern.compile("\\b(?:in|for|of|at)\\s+([A-Z][a-z]+)");
    private static final Pattern TOKEN = Pattern.compile("\\s*(?:\\w+|[^\\w\\s]+)");
    private static final Pattern SAY = Pattern.compile("Say '([^']+)'");
    private static final String STORY = "Once upon a time a fox, a bear and an owl lived in a quiet forest by a river."
            + " Every morning the owl told the others what it had seen in the night, the bear fished in the river"
            + " and the fox kept watch over the meadow. One winter the river froze and the three friends shared"
            + " what they had until spring came back to the forest.";

    private final HttpServer server;
    private final AtomicInteger ids = new AtomicInteger();

    private OpenAiCompatibleServer(HttpServer server) {
        this.server = server;
    }

    /** Starts a server on a free loopback port. */
    public static OpenAiCompatibleServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            OpenAiCompatibleServer responder = new OpenAiCompatibleServer(server);
            server.createContext("/", responder::handle);
            server.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread thread = new Thread(r, "openai-compatible-server");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return responder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL an OpenAI client of {@code agent} uses, ending in {@code /v1}. */
    public String baseUrl(String agent) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + agent + "/v1";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().endsWith("/chat/completions")) {
                send(exchange, 404, "application/json", "{\"error\":{\"message\":\"unknown path\"}}");
                return;
            }
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            Answer answer = answer(request);
            String model = request.path("model").asText("gpt-4o-mini");
            String id = "chatcmpl-" + ids.incrementAndGet();
            int in = Math.max(1, words(allText(request)).size());
            if (request.path("stream").asBoolean(false)) {
                send(exchange, 200, "text/event-stream", sse(id, model, answer, in));
            } else {
                send(exchange, 200, "application/json", JSON.writeValueAsString(completion(id, model, answer, in)));
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** What the model answers: text tokens or tool calls, and why it stopped. */
    private record Answer(List<String> tokens, List<ToolCall> toolCalls, String finish) {}

    private record ToolCall(String id, String name, String arguments) {}

    private Answer answer(JsonNode request) {
        String all = allText(request);
        if (all.contains(BID_PHRASE)) {
            return text("PLAN: answer the request directly and briefly.", request);
        }
        if (all.contains(JURY_PHRASE)) {
            return text("{\"score\": 5}", request);
        }
        JsonNode messages = request.path("messages");
        JsonNode last = messages.get(messages.size() - 1);
        String user = lastUserText(messages);
        JsonNode tools = request.path("tools");
        if (!"tool".equals(last.path("role").asText()) && tools.isArray() && !tools.isEmpty()) {
            List<ToolCall> calls = toolCalls(user, tools, "required".equals(request.path("tool_choice").asText()));
            if (!calls.isEmpty()) {
                return new Answer(List.of(), calls, "tool_calls");
            }
        }
        List<String> results = new ArrayList<>();
        for (int i = messages.size() - 1; i >= 0 && "tool".equals(messages.get(i).path("role").asText()); i--) {
            results.add(0, messages.get(i).path("content").asText());
        }
        JsonNode format = request.path("response_format");
        if (format.path("type").asText().equals("json_schema")) {
            return text(jsonFor(format.path("json_schema").path("schema").path("properties"), user, results), request);
        }
        if (format.path("type").asText().equals("json_object")) {
            return text(jsonFor(JSON.createObjectNode().set("city", JSON.createObjectNode()), user, results), request);
        }
        if (!results.isEmpty()) {
            return text("According to the tools: " + String.join("; ", results) + ".", request);
        }
        String remembered = remembered(user, messages);
        return text(remembered != null ? remembered : fact(user), request);
    }

    /**
     * Answers "What is my X?" from an earlier user message of the conversation that said "my X is Y": the history
     * the router hands the winner must reach the backend whole.
     */
    private static String remembered(String user, JsonNode messages) {
        Matcher question = Pattern.compile("(?i)what is my ([a-z ]+?)\\?").matcher(user);
        if (!question.find()) {
            return null;
        }
        Pattern statement = Pattern.compile("(?i)my " + Pattern.quote(question.group(1).strip()) + " is ([\\w-]+)");
        for (JsonNode message : messages) {
            if ("user".equals(message.path("role").asText())) {
                Matcher said = statement.matcher(content(message));
                if (said.find()) {
                    return "Your " + question.group(1).strip() + " is " + said.group(1) + ".";
                }
            }
        }
        return null;
    }

    /** The answer to one of the suites' fixed questions. */
    private static String fact(String user) {
        String lower = user.toLowerCase(Locale.ROOT);
        Matcher say = SAY.matcher(user);
        if (lower.contains("capital of germany")) {
            return "The capital of Germany is Berlin.";
        }
        if (lower.contains("i love you")) {
            return "Ich liebe dich.";
        }
        if (say.find()) {
            return say.group(1);
        }
        if (lower.contains("story")) {
            return STORY;
        }
        return "I am a test model and can answer only the conformance suites' questions.";
    }

    private static String factField(String field, String user, List<String> results) {
        if (field.equals("city") && user.toLowerCase(Locale.ROOT).contains("capital of germany")) {
            return "Berlin";
        }
        for (String result : results) {
            if (!result.isBlank()) {
                return result;
            }
        }
        return "unknown";
    }

    private static String jsonFor(JsonNode properties, String user, List<String> results) {
        ObjectNode object = JSON.createObjectNode();
        properties.fieldNames().forEachRemaining(field -> {
            JsonNode values = properties.path(field).path("enum");
            String value = factField(field, user, results);
            if (values.isArray()) {
                for (JsonNode candidate : values) {
                    if (results.stream().anyMatch(r -> r.contains(candidate.asText()))) {
                        value = candidate.asText();
                    }
                }
            }
            object.put(field, value);
        });
        return object.toString();
    }

    /**
     * Calls each tool whose subject (a word of its name, such as "weather" in {@code getWeather}) the message names,
     * with the place named after that word as its string argument; under {@code required} the first tool whose
     * arguments the message can fill.
     */
    private List<ToolCall> toolCalls(String user, JsonNode tools, boolean required) {
        String lower = user.toLowerCase(Locale.ROOT);
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode tool : tools) {
            JsonNode function = tool.path("function");
            String name = function.path("name").asText();
            for (String word : name.split("_|(?=[A-Z])")) {
                String subject = word.toLowerCase(Locale.ROOT);
                int at = subject.length() > 3 ? lower.indexOf(subject) : -1;
                if (at >= 0) {
                    String arguments = arguments(function.path("parameters"), user.substring(at));
                    if (arguments != null) {
                        calls.add(new ToolCall("call_" + ids.incrementAndGet(), name, arguments));
                    }
                    break;
                }
            }
        }
        if (calls.isEmpty() && required) {
            for (JsonNode tool : tools) {
                String arguments = arguments(tool.path("function").path("parameters"), user);
                if (arguments != null) {
                    calls.add(new ToolCall("call_" + ids.incrementAndGet(), tool.path("function").path("name").asText(),
                            arguments));
                    break;
                }
            }
        }
        return calls;
    }

    /** The arguments for the schema's string properties from the text, or null when the text cannot fill them. */
    private static String arguments(JsonNode parameters, String text) {
        ObjectNode arguments = JSON.createObjectNode();
        JsonNode properties = parameters.path("properties");
        for (var it = properties.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            Matcher entity = ENTITY.matcher(text);
            if (!properties.path(field).path("type").asText().equals("string") || !entity.find()) {
                return null;
            }
            arguments.put(field, entity.group(1));
        }
        return arguments.toString();
    }

    private static Answer text(String text, JsonNode request) {
        String cut = text;
        for (JsonNode stop : request.path("stop")) {
            int at = cut.indexOf(stop.asText());
            if (at >= 0) {
                cut = cut.substring(0, at);
            }
        }
        List<String> tokens = words(cut);
        int max = request.path("max_completion_tokens").asInt(request.path("max_tokens").asInt(Integer.MAX_VALUE));
        if (tokens.size() > max) {
            return new Answer(tokens.subList(0, max), List.of(), "length");
        }
        return new Answer(tokens, List.of(), "stop");
    }

    /** Tokens: whitespace-led words or runs of punctuation; concatenated, they give back the text. */
    private static List<String> words(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher word = TOKEN.matcher(text);
        while (word.find()) {
            tokens.add(word.group());
        }
        return tokens;
    }

    private static String allText(JsonNode request) {
        StringBuilder all = new StringBuilder();
        request.path("messages").forEach(m -> all.append(content(m)).append('\n'));
        return all.toString();
    }

    private static String lastUserText(JsonNode messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if ("user".equals(messages.get(i).path("role").asText())) {
                return content(messages.get(i));
            }
        }
        return "";
    }

    private static String content(JsonNode message) {
        JsonNode content = message.path("content");
        if (!content.isArray()) {
            return content.asText("");
        }
        StringBuilder text = new StringBuilder();
        content.forEach(part -> text.append(part.path("text").asText("")));
        return text.toString();
    }

    private static ObjectNode usage(int in, int out) {
        ObjectNode usage = JSON.createObjectNode();
        usage.put("prompt_tokens", in);
        usage.put("completion_tokens", out);
        usage.put("total_tokens", in + out);
        return usage;
    }

    private static int outputTokens(Answer answer) {
        return answer.toolCalls().isEmpty() ? answer.tokens().size()
                : answer.toolCalls().stream().mapToInt(c -> words(c.name() + " " + c.arguments()).size()).sum();
    }

    private static ObjectNode completion(String id, String model, Answer answer, int in) {
        ObjectNode message = JSON.createObjectNode();
        message.put("role", "assistant");
        if (answer.toolCalls().isEmpty()) {
            message.put("content", String.join("", answer.tokens()));
        } else {
            message.putNull("content");
            ArrayNode calls = message.putArray("tool_calls");
            answer.toolCalls().forEach(call -> calls.add(toolCall(call)));
        }
        ObjectNode body = envelope(id, model, "chat.completion");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("message", message);
        choice.put("finish_reason", answer.finish());
        body.set("usage", usage(in, outputTokens(answer)));
        return body;
    }

    private static ObjectNode toolCall(ToolCall call) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", call.id());
        node.put("type", "function");
        node.putObject("function").put("name", call.name()).put("arguments", call.arguments());
        return node;
    }

    private static ObjectNode envelope(String id, String model, String object) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", id);
        body.put("object", object);
        body.put("created", 1_700_000_000);
        body.put("model", model);
        return body;
    }

    /** Text one chunk per token; each tool call as its name with the first half of its arguments, then the rest. */
    private static String sse(String id, String model, Answer answer, int in) {
        List<ObjectNode> deltas = new ArrayList<>();
        for (String token : answer.tokens()) {
            deltas.add(JSON.createObjectNode().put("content", token));
        }
        for (int i = 0; i < answer.toolCalls().size(); i++) {
            ToolCall call = answer.toolCalls().get(i);
            String args = call.arguments();
            int half = args.length() > 2 ? args.indexOf(':') + 1 : args.length();
            ObjectNode first = JSON.createObjectNode();
            ObjectNode head = first.putArray("tool_calls").addObject();
            head.put("index", i).put("id", call.id()).put("type", "function");
            head.putObject("function").put("name", call.name()).put("arguments", args.substring(0, half));
            deltas.add(first);
            if (half < args.length()) {
                ObjectNode rest = JSON.createObjectNode();
                rest.putArray("tool_calls").addObject().put("index", i)
                        .putObject("function").put("arguments", args.substring(half));
                deltas.add(rest);
            }
        }
        if (!deltas.isEmpty()) {
            deltas.get(0).put("role", "assistant");
        }
        StringBuilder body = new StringBuilder();
        for (ObjectNode delta : deltas) {
            body.append(event(chunk(id, model, delta, null)));
        }
        body.append(event(chunk(id, model, JSON.createObjectNode(), answer.finish())));
        ObjectNode usage = envelope(id, model, "chat.completion.chunk");
        usage.putArray("choices");
        usage.set("usage", usage(in, outputTokens(answer)));
        body.append(event(usage));
        return body.append("data: [DONE]\n\n").toString();
    }

    private static ObjectNode chunk(String id, String model, ObjectNode delta, String finish) {
        ObjectNode chunk = envelope(id, model, "chat.completion.chunk");
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        if (finish == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finish);
        }
        return chunk;
    }

    private static String event(ObjectNode node) {
        return "data: " + node + "\n\n";
    }
}
