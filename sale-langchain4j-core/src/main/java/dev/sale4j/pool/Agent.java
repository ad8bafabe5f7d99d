package dev.sale4j.pool;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.model.chat.ChatModel;
import java.util.Objects;

/**
 * One bidder of the auction: a named LangChain4j {@link ChatModel} with its price.
 *
 * <p>Prices are in USD per million tokens. {@link #price()} is the output price, the {@code price(a_i)} of SALE's
 * cost term {@code C_i = w_c * price(a_i) * |s_i|}, since a bid's length is counted in output tokens. The input
 * price defaults to the output price and is used only to account for the auction's overhead.
 */
public final class Agent {

    private final String name;
    private final ChatModel model;
    private final double inputPrice;
    private final double outputPrice;

    private Agent(Builder builder) {
        if (builder.name == null || builder.name.isBlank()) {
            throw new IllegalArgumentException("Agent name is missing: give every agent a unique, non-blank name");
        }
        this.name = builder.name.strip();
        this.model = requireNonNull(builder.model, () -> "Agent '" + name + "' has no ChatModel: set model(...)");
        Double out = builder.outputPrice;
        Double in = builder.inputPrice;
        if (out == null && in == null) {
            throw new IllegalArgumentException("Agent '" + name
                    + "' has no price: set price(usdPerMillionTokens), or inputPrice(...) and outputPrice(...)");
        }
        this.outputPrice = checkPrice(out != null ? out : in, "output price");
        this.inputPrice = checkPrice(in != null ? in : out, "input price");
    }

    private double checkPrice(double value, String what) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("Agent '" + name + "' has " + what + " " + value
                    + ": prices are USD per million tokens and must be finite and >= 0");
        }
        return value;
    }

    /** Shorthand for an agent whose input and output tokens cost the same. */
    public static Agent of(String name, ChatModel model, double usdPerMillionTokens) {
        return builder().name(name).model(model).price(usdPerMillionTokens).build();
    }

    public String name() {
        return name;
    }

    public ChatModel model() {
        return model;
    }

    /** The price used in the cost term: USD per million output tokens. */
    public double price() {
        return outputPrice;
    }

    public double inputPrice() {
        return inputPrice;
    }

    public double outputPrice() {
        return outputPrice;
    }

    /** USD cost of a call that read {@code inputTokens} and wrote {@code outputTokens}. */
    public double costUsd(long inputTokens, long outputTokens) {
        return (inputTokens * inputPrice + outputTokens * outputPrice) / 1_000_000.0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Agent that
                && name.equals(that.name)
                && model == that.model
                && inputPrice == that.inputPrice
                && outputPrice == that.outputPrice;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, System.identityHashCode(model), inputPrice, outputPrice);
    }

    @Override
    public String toString() {
        return "Agent{name=" + name + ", inputPrice=" + inputPrice + ", outputPrice=" + outputPrice + '}';
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link Agent}. */
    public static final class Builder {
        private String name;
        private ChatModel model;
        private Double inputPrice;
        private Double outputPrice;

        private Builder() {}

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder model(ChatModel model) {
            this.model = model;
            return this;
        }

        /** Sets both the input and the output price, in USD per million tokens. */
        public Builder price(double usdPerMillionTokens) {
            this.inputPrice = usdPerMillionTokens;
            this.outputPrice = usdPerMillionTokens;
            return this;
        }

        public Builder inputPrice(double usdPerMillionTokens) {
            this.inputPrice = usdPerMillionTokens;
            return this;
        }

        public Builder outputPrice(double usdPerMillionTokens) {
            this.outputPrice = usdPerMillionTokens;
            return this;
        }

        public Agent build() {
            return new Agent(this);
        }
    }
}
