package dev.sale4j.benchmarks;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AgentPool;
import dev.sale4j.entropy.LogProbs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor under {@link HttpAuctionBenchmark}: one round of four parallel bid-shaped calls (log-probabilities
 * asked, about 20 kB answers) to the same {@link LoopbackOpenAiServer}, without the auction. {@code rawHttp} sends
 * them with one JDK {@code HttpClient} (HTTP/1.1) per agent: the server and the transport alone, which should take
 * L plus a millisecond or two. {@code chatModel} sends them through the pool's {@code OpenAiChatModel}s: what
 * LangChain4j's client adds. An auction of two rounds cannot beat twice the {@code chatModel} figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 3)
@Measurement(iterations = 10, time = 2)
@Fork(1)
public class LoopbackServerBenchmark {

    private static final String PROMPT = "You are one of several AI agents bidding for the right to carry out a task. "
            + "Write a short strategy for how you would complete it. Task: What is the capital of Australia?";

    @Param({"50"})
    public long latencyMillis;

    private LoopbackOpenAiServer server;
    private ExecutorService executor;
    private AgentPool pool;
    private List<HttpClient> clients;
    private List<HttpRequest> requests;

    @Setup(Level.Trial)
    public void setUp() {
        server = LoopbackOpenAiServer.start(latencyMillis);
        executor = Executors.newFixedThreadPool(4);
        pool = HttpAuctionBenchmark.pool(server.baseUrl());
        clients = new ArrayList<>();
        requests = new ArrayList<>();
        for (Agent agent : pool.agents()) {
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
            String body = """
                    {"model": "%s", "messages": [{"role": "user", "content": "%s"}],
                     "max_tokens": 400, "logprobs": true, "top_logprobs": 5}""".formatted(agent.name(), PROMPT);
            requests.add(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer none")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        executor.shutdownNow();
        server.close();
    }

    @Benchmark
    public List<String> rawHttp() throws InterruptedException, ExecutionException {
        List<Future<String>> calls = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            HttpClient client = clients.get(i);
            HttpRequest request = requests.get(i);
            calls.add(executor.submit(() -> client.send(request, HttpResponse.BodyHandlers.ofString()).body()));
        }
        return await(calls);
    }

    @Benchmark
    public List<ChatResponse> chatModel() throws InterruptedException, ExecutionException {
        List<Future<ChatResponse>> calls = new ArrayList<>();
        for (Agent agent : pool.agents()) {
            ChatModel model = agent.model();
            ChatRequest request = ChatRequest.builder()
                    .messages(UserMessage.from(PROMPT))
                    .parameters(LogProbs.bidParameters(model, 400, true))
                    .build();
            calls.add(executor.submit(() -> model.chat(request)));
        }
        return await(calls);
    }

    private static <T> List<T> await(List<Future<T>> calls) throws InterruptedException, ExecutionException {
        List<T> results = new ArrayList<>(calls.size());
        for (Future<T> call : calls) {
            results.add(call.get());
        }
        return results;
    }
}
