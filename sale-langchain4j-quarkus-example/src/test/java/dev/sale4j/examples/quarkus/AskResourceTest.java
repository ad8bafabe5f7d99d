package dev.sale4j.examples.quarkus;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(WireMockBackends.class)
class AskResourceTest {

    @TestHTTPResource("/ask")
    URL ask;

    @Test
    void theProducedRouterRunsAnAuctionAndTheCheaperWinnerAnswersOverHttp() throws Exception {
        HttpResponse<String> response = post("{\"question\":\"What is the capital of Australia?\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.path("answer").asText()).isEqualTo("Canberra (small)");
        assertThat(body.path("winner").asText()).isEqualTo("small");
        // Both agents bid and both judged; only the winner executed.
        for (String agent : new String[] {"small", "big"}) {
            assertThat(WireMockBackends.server.findAll(postRequestedFor(urlPathEqualTo("/" + agent + "/v1/chat/completions"))
                    .withRequestBody(containing("Do not carry out")))).isNotEmpty();
        }
        assertThat(WireMockBackends.server.findAll(postRequestedFor(urlPathEqualTo("/big/v1/chat/completions"))
                .withRequestBody(containing("You won an auction")))).isEmpty();
    }

    @Test
    void anEmptyQuestionIsABadRequest() throws Exception {
        assertThat(post("{\"question\":\"\"}").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> post(String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ask.toString()))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
