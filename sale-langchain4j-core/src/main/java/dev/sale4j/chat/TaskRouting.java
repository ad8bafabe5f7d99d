package dev.sale4j.chat;

/** When a conversation's next request starts a new task, and so a new auction. */
public enum TaskRouting {
    /**
     * Every new user message starts a new task (the default). The calls that follow it — the model's tool calls and
     * their results — belong to that task and go to its winner.
     */
    PER_USER_MESSAGE,
    /**
     * A conversation is one task: the first user message runs the auction and the winner keeps the conversation for
     * as long as the requests carry an answer it produced.
     */
    PER_CONVERSATION
}
