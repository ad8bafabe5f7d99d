package dev.sale4j.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.sale4j.entropy.LogProbs;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LoopbackOpenAiServerTest {

    private static final String BID = "Write a short strategy. Task: What is the capital of Australia?";

    @Test
    void theRealOpenAiClientReadsItsAnswersAndLogProbsOverOneKeptAliveConnection() {
        try (LoopbackOpenAiServer server = LoopbackOpenAiServer.start(0)) {
            ChatModel model = HttpAuctionBenchmark.pool(server.baseUrl()).get("qwen3:8b").model();
            for (int i = 0; i < 3; i++) {
                ChatResponse response = model.chat(ChatRequest.builder().messages(UserMessage.from(BID))
                        .parameters(LogProbs.bidParameters(model, 400, true)).build());
                assertThat(response.aiMessage().text()).startsWith("Strategy of qwen3:8b:");
                assertThat(response.tokenUsage().outputTokenCount()).isPositive();
                assertThat(LogProbs.from(response)).isNotEmpty();
            }
            assertThat(server.requests()).isEqualTo(3);
            assertThat(server.logProbRequests()).isEqualTo(3);
            assertThat(server.connections()).isEqualTo(1);
            assertThat(server.upgradeRequests()).isZero();
        }
    }

    @Test
    void everyAnswerIsCompleteNoEarlierThanLAfterItsRequestAndSoonAfter() throws Exception {
        long latencyMillis = 50;
        try (LoopbackOpenAiServer server = LoopbackOpenAiServer.start(latencyMillis);
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), URI.create(server.baseUrl()).getPort())) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            long fastest = Long.MAX_VALUE;
            for (int i = 0; i < 10; i++) {
                long start = System.nanoTime();
                out.write(request("{\"model\": \"qwen3:4b\", \"messages\": [{\"role\": \"user\", \"content\": \""
                        + BID + "\"}], \"logprobs\": true, \"top_logprobs\": 5}"));
                out.flush();
                String body = readResponse(in);
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertThat(millis).isGreaterThanOrEqualTo(latencyMillis);
                assertThat(body).contains("\"logprobs\":{\"content\"");
                fastest = Math.min(fastest, millis);
            }
            // the server adds nothing of its own to L: the fastest of ten rounds is within a few ms of it
            assertThat(fastest).isLessThan(latencyMillis + 5);
        }
    }

    @Test
    void anotherPathGets404AndTheConnectionStaysUsable() throws Exception {
        try (LoopbackOpenAiServer server = LoopbackOpenAiServer.start(0);
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), URI.create(server.baseUrl()).getPort())) {
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            out.write(("GET /v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(readStatusAndBody(in)).startsWith("HTTP/1.1 404").contains("POST " + LoopbackOpenAiServer.PATH);
            out.write(request("{\"model\": \"qwen3:14b\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}"));
            assertThat(readStatusAndBody(in)).startsWith("HTTP/1.1 200").contains("Strategy of qwen3:14b");
        }
    }

    private static byte[] request(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + LoopbackOpenAiServer.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] all = new byte[head.length() + body.length];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, all, 0, head.length());
        System.arraycopy(body, 0, all, head.length(), body.length);
        return all;
    }

    private static String readResponse(InputStream in) throws Exception {
        String all = readStatusAndBody(in);
        return all.substring(all.indexOf("\r\n\r\n") + 4);
    }

    /** The status line, headers and Content-Length body of one response. */
    private static String readStatusAndBody(InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("the server closed the connection").isNotNegative();
            head.append((char) b);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
