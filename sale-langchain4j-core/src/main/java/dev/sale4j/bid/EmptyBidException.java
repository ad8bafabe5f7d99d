package dev.sale4j.bid;

import dev.langchain4j.exception.NonRetriableException;

/** The backend answered the bid call with no text. */
public class EmptyBidException extends NonRetriableException {

    public EmptyBidException(String agent) {
        super("Agent '" + agent + "' answered the bid call with no text");
    }
}
