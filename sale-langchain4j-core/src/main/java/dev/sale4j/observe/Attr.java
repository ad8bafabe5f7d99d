package dev.sale4j.observe;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/** The OpenTelemetry attribute keys sale4j's spans use: the GenAI semantic conventions' and its own lists. */
final class Attr {

    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
    static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("gen_ai.provider.name");
    /** The older name of {@link #PROVIDER}, still read by many backends. */
    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("gen_ai.system");
    static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
    static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
    static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
    static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
    static final AttributeKey<List<String>> FINISH_REASONS =
            AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
    static final AttributeKey<List<String>> BIDDERS = AttributeKey.stringArrayKey("sale4j.bidders");
    static final AttributeKey<List<String>> AGENTS = AttributeKey.stringArrayKey("sale4j.agents");
    static final AttributeKey<List<String>> TOOLS = AttributeKey.stringArrayKey("sale4j.tools");

    private Attr() {}

    /** The GenAI conventions' provider name of a LangChain4j {@code ModelProvider} name. */
    static String provider(String modelProvider) {
        return switch (modelProvider) {
            case "OPEN_AI" -> "openai";
            case "AZURE_OPEN_AI" -> "azure.ai.openai";
            case "ANTHROPIC" -> "anthropic";
            case "AMAZON_BEDROCK" -> "aws.bedrock";
            case "GOOGLE_AI_GEMINI" -> "gcp.gemini";
            case "GOOGLE_VERTEX_AI_GEMINI", "GOOGLE_VERTEX_AI_ANTHROPIC" -> "gcp.vertex_ai";
            case "MISTRAL_AI" -> "mistral_ai";
            case "WATSONX" -> "ibm.watsonx.ai";
            case "MICROSOFT_FOUNDRY" -> "azure.ai.inference";
            default -> modelProvider.toLowerCase(java.util.Locale.ROOT);
        };
    }
}
