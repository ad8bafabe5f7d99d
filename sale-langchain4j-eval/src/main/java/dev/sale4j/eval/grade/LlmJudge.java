package dev.sale4j.eval.grade;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.input.PromptTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SimpleQA-style LLM judge: a configured LangChain4j {@link ChatModel} is shown the question, the gold answer and
 * the answer, with the template {@code dev/sale4j/eval/grade/judge.txt} (override with {@link Builder#template}),
 * and answers CORRECT, INCORRECT or NOT_ATTEMPTED. The answer is parsed leniently: a "Verdict: X" (or SimpleQA's
 * letters A/B/C) first, else the one verdict word it mentions; anything else is unparseable (a null verdict).
 */
public final class LlmJudge {

    /** The judge's verdict (null when its answer could not be parsed) and its raw answer. */
    public record Judgement(JudgeVerdict verdict, String rawAnswer) {
    }

    static final String DEFAULT_TEMPLATE = load("judge.txt");
    private static final int MAX_ANSWER_CHARS = 4000;
    private static final Pattern EXPLICIT = Pattern.compile("(?i)(?:verdict|grade|judg(?:e)?ment)\\s*[*_]*\\s*[:=]\\s*"
            + "[*_\"'`]*\\s*(not[_ \\-]attempted|incorrect|correct|[ABC])(?![A-Za-z])");
    private static final Pattern WORDS = Pattern.compile("(?i)\\b(not[_ \\-]attempted|incorrect|not\\s+correct|"
            + "correct)\\b");
    private static final Pattern LETTER_ONLY = Pattern.compile("^[\\s*_\"'`(]*([ABC])[\\s*_\"'`).]*$");

    private final ChatModel chatModel;
    private final PromptTemplate template;

    private LlmJudge(Builder builder) {
        if (builder.chatModel == null) {
            throw new IllegalArgumentException("chatModel is required: pass the ChatModel that judges answers, e.g. "
                    + "LlmJudge.builder().chatModel(OpenAiChatModel.builder()...build())");
        }
        String text = builder.template == null ? DEFAULT_TEMPLATE : builder.template;
        for (String variable : List.of("{{question}}", "{{gold}}", "{{answer}}")) {
            if (!text.contains(variable)) {
                throw new IllegalArgumentException("the judge template must contain " + variable
                        + " (and {{question}}, {{gold}}, {{answer}})");
            }
        }
        this.chatModel = builder.chatModel;
        this.template = PromptTemplate.from(text);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Asks the judge; backend errors propagate as LangChain4j's exceptions. */
    public Judgement judge(String question, List<String> golds, String answer) {
        String gold = golds.get(0) + (golds.size() > 1 ? " (also accepted: " + String.join("; ",
                golds.subList(1, golds.size())) + ")" : "");
        String shown = answer.length() <= MAX_ANSWER_CHARS ? answer
                : "..." + answer.substring(answer.length() - MAX_ANSWER_CHARS);
        String prompt = template.apply(Map.of("question", question, "gold", gold, "answer", shown)).text();
        String raw = chatModel.chat(ChatRequest.builder().messages(UserMessage.from(prompt)).build()).aiMessage()
                .text();
        return new Judgement(parse(raw), raw);
    }

    /** @return the verdict in a judge's answer, or null when it names none or several */
    public static JudgeVerdict parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Set<JudgeVerdict> explicit = new LinkedHashSet<>();
        for (Matcher m = EXPLICIT.matcher(raw); m.find(); ) {
            explicit.add(label(m.group(1)));
        }
        if (explicit.size() == 1) {
            return explicit.iterator().next();
        }
        if (explicit.size() > 1) {
            return null;
        }
        Matcher letter = LETTER_ONLY.matcher(raw.strip());
        if (letter.matches()) {
            return label(letter.group(1));
        }
        Set<JudgeVerdict> words = new LinkedHashSet<>();
        for (Matcher m = WORDS.matcher(raw); m.find(); ) {
            words.add(label(m.group(1)));
        }
        return words.size() == 1 ? words.iterator().next() : null;
    }

    private static JudgeVerdict label(String text) {
        String t = text.toUpperCase().replaceAll("[\\s_\\-]+", " ");
        if (t.equals("A") || t.equals("CORRECT")) {
            return JudgeVerdict.CORRECT;
        }
        if (t.equals("C") || t.equals("NOT ATTEMPTED")) {
            return JudgeVerdict.NOT_ATTEMPTED;
        }
        return JudgeVerdict.INCORRECT; // B, INCORRECT, NOT CORRECT
    }

    private static String load(String name) {
        try (InputStream in = LlmJudge.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the classpath next to LlmJudge");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builder for {@link LlmJudge}. */
    public static final class Builder {
        private ChatModel chatModel;
        private String template;

        private Builder() {
        }

        /** The model that judges; a temperature of 0 is advisable. */
        public Builder chatModel(ChatModel chatModel) {
            this.chatModel = chatModel;
            return this;
        }

        /** A grading prompt with the variables {@code {{question}}}, {@code {{gold}}} and {@code {{answer}}}. */
        public Builder template(String template) {
            this.template = template;
            return this;
        }

        public LlmJudge build() {
            return new LlmJudge(this);
        }
    }
}
