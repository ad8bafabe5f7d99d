package dev.sale4j.spring;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;

/**
 * A backend the application builds itself and marks for the pool: declare it as a bean and the starter adds it to the
 * pool after the agents of {@code sale4j.agents}. It is deliberately not a {@code ChatModel} bean, so the router stays
 * the application's one {@code ChatModel}, the one {@code @AiService} picks up.
 *
 * <pre>
 * &#64;Bean
 * SalePoolAgent small() {
 *     return SalePoolAgent.builder().name("qwen3:4b").price(0.05)
 *             .model(OllamaChatModel.builder()...build())
 *             .streamingModel(OllamaStreamingChatModel.builder()...build())
 *             .build();
 * }
 * </pre>
 *
 * @param streamingModel optional: without one for every agent, no streaming router bean is made
 */
public record SalePoolAgent(
        String name, ChatModel model, StreamingChatModel streamingModel, Double price, Double inputPrice,
        Double outputPrice) {

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link SalePoolAgent}. */
    public static final class Builder {
        private String name;
        private ChatModel model;
        private StreamingChatModel streamingModel;
        private Double price;
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

        public Builder streamingModel(StreamingChatModel streamingModel) {
            this.streamingModel = streamingModel;
            return this;
        }

        /** USD per million tokens, input and output alike. */
        public Builder price(double usdPerMillionTokens) {
            this.price = usdPerMillionTokens;
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

        public SalePoolAgent build() {
            return new SalePoolAgent(name, model, streamingModel, price, inputPrice, outputPrice);
        }
    }
}
