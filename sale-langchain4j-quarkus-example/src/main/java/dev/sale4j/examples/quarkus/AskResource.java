package dev.sale4j.examples.quarkus;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.sale4j.chat.SaleChatModel;
import dev.sale4j.chat.SaleChatResponseMetadata;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** {@code POST /ask {"question": "..."}} → the winner's answer, with who won. */
@Path("/ask")
public class AskResource {

    public record Question(String question) {}

    public record Answer(String answer, String winner) {}

    @Inject
    SaleChatModel model;

    @POST
    public Answer ask(Question question) {
        if (question == null || question.question() == null || question.question().isBlank()) {
            throw new BadRequestException("send {\"question\": \"...\"}");
        }
        ChatResponse response = model.chat(ChatRequest.builder().messages(UserMessage.from(question.question())).build());
        String winner = response.metadata() instanceof SaleChatResponseMetadata sale ? sale.winner() : null;
        return new Answer(response.aiMessage().text(), winner);
    }
}
