package dev.sale4j.wire;

/** Response bodies in the providers' real wire formats, for WireMock stubs. */
final class ProviderStubs {

    private ProviderStubs() {}

    /** An OpenAI chat completion with usage and, if given, the logprobs block as OpenAI returns it. */
    static String openAiCompletion(String model, String content, int promptTokens, int completionTokens,
            String logprobsJson) {
        return """
                {
                  "id": "chatcmpl-%s",
                  "object": "chat.completion",
                  "created": 1764115200,
                  "model": "%s",
                  "choices": [{
                    "index": 0,
                    "message": {"role": "assistant", "content": %s, "refusal": null},
                    "logprobs": %s,
                    "finish_reason": "stop"
                  }],
                  "usage": {"prompt_tokens": %d, "completion_tokens": %d, "total_tokens": %d,
                            "prompt_tokens_details": {"cached_tokens": 0},
                            "completion_tokens_details": {"reasoning_tokens": 0}},
                  "system_fingerprint": "fp_test"
                }
                """.formatted(Math.abs(content.hashCode()), model, quote(content),
                logprobsJson == null ? "null" : logprobsJson, promptTokens, completionTokens,
                promptTokens + completionTokens);
    }

    /** An Ollama /api/chat non-streaming answer with its token counts. */
    static String ollamaChat(String model, String content, int promptEvalCount, int evalCount) {
        return """
                {
                  "model": "%s",
                  "created_at": "2026-11-26T00:00:00.000000Z",
                  "message": {"role": "assistant", "content": %s},
                  "done_reason": "stop",
                  "done": true,
                  "total_duration": 812000000,
                  "load_duration": 12000000,
                  "prompt_eval_count": %d,
                  "prompt_eval_duration": 100000000,
                  "eval_count": %d,
                  "eval_duration": 700000000
                }
                """.formatted(model, quote(content), promptEvalCount, evalCount);
    }

    static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
