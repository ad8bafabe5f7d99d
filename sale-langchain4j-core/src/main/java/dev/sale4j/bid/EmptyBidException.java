package dev.sale4j.bid;

import dev.langchain4j.exception.LangChain4jException;

/** The backend answered the bid call with no text. */
public class EmptyBidException extends LangChain4jException {

    public EmptyBidException(String agent) {
        super("Agent '" + agent + "' answered the bid call with no text");
    }
}
