package dev.sale4j.examples.spring;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.spring.AiService;

/** The application's AI service: wired by LangChain4j's starter to the one ChatModel bean, the SALE router. */
@AiService
public interface ResearchAssistant {

    @SystemMessage("""
            You are a research assistant. Search the web, read the pages that look relevant, and answer from what
            you read. End with the URLs of the pages you read as sources. If you could not find the answer, say so
            instead of guessing.""")
    String answer(String question);
}
