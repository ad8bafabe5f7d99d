package dev.sale4j.examples.spring;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code POST /ask {"question": "..."}} → {@code {"answer": "..."}}. */
@RestController
class AskController {

    record Question(String question) {}

    record Answer(String answer) {}

    private final ResearchAssistant assistant;

    AskController(ResearchAssistant assistant) {
        this.assistant = assistant;
    }

    @PostMapping("/ask")
    Answer ask(@RequestBody Question question) {
        if (question == null || question.question() == null || question.question().isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "send {\"question\": \"...\"}");
        }
        return new Answer(assistant.answer(question.question()));
    }
}
