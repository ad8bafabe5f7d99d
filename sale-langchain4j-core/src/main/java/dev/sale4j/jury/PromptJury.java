package dev.sale4j.jury;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.input.PromptTemplate;
import dev.langchain4j.model.output.TokenUsage;
import dev.sale4j.bid.Bid;
import dev.sale4j.internal.ThinkingText;
import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AgentPool;
import dev.sale4j.pool.AuctionTask;
import dev.sale4j.pool.Prompts;
import dev.sale4j.pool.TokenEstimate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The default {@link Jury}: every agent of the pool scores every bid, its own included (self and peer review), by
 * prompting its model with an overridable template. Answers follow the JSON contract of {@link JuryAnswerParser}.
 *
 * <p>In {@link JuryMode#ONE_CALL_PER_JUROR} (the default) each juror sees all bids, labelled B1..Bn in a fresh
 * random order to avoid position bias, and the labels are mapped back to the bidders. Templates see
 * {@code {{task}}}, {@code {{tools}}} and {@code {{bids}}} (all-bids) or {@code {{bid}}} (one bid per call).
 */
public final class PromptJury implements Jury {

    private final JuryMode mode;
    private final PromptTemplate allBidsTemplate;
    private final PromptTemplate oneBidTemplate;
    private final int maxOutputTokens;
    private final Random random;

    private PromptJury(Builder builder) {
        this.mode = builder.mode;
        this.allBidsTemplate = builder.allBidsTemplate != null ? builder.allBidsTemplate : Prompts.load("jury-batch");
        this.oneBidTemplate = builder.oneBidTemplate != null ? builder.oneBidTemplate : Prompts.load("jury-single");
        if (builder.maxOutputTokens != null && builder.maxOutputTokens < 1) {
            throw new IllegalArgumentException("maxOutputTokens must be at least 1, got " + builder.maxOutputTokens);
        }
        this.maxOutputTokens = builder.maxOutputTokens == null ? 0 : builder.maxOutputTokens;
        this.random = builder.random != null ? builder.random : new Random();
    }

    public static PromptJury create() {
        return builder().build();
    }

    @Override
    public List<JuryCall> calls(AuctionTask task, List<Bid> bids, AgentPool jurors) {
        List<JuryCall> calls = new ArrayList<>();
        List<String> bidders = bids.stream().map(Bid::agent).toList();
        for (Agent juror : jurors) {
            if (mode == JuryMode.ONE_CALL_PER_JUROR) {
                List<Integer> order = shuffledOrder(bids.size());
                calls.add(new JuryCall(juror.name(), bidders, () -> judgeAll(juror, task, bids, order)));
            } else {
                for (Bid bid : bids) {
                    calls.add(new JuryCall(juror.name(), List.of(bid.agent()), () -> judgeOne(juror, task, bid)));
                }
            }
        }
        return calls;
    }

    private List<Integer> shuffledOrder(int n) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        synchronized (random) {
            Collections.shuffle(order, random);
        }
        return order;
    }

    private JuryVerdict judgeAll(Agent juror, AuctionTask task, List<Bid> bids, List<Integer> order) {
        StringBuilder listing = new StringBuilder();
        for (int k = 0; k < order.size(); k++) {
            listing.append("B").append(k + 1).append(":\n").append(bids.get(order.get(k)).text()).append("\n\n");
        }
        String prompt = allBidsTemplate.apply(Map.of(
                        "task", task.text(),
                        "tools", Prompts.describeTools(task.tools()),
                        "bids", listing.toString().strip()))
                .text();
        int limit = maxOutputTokens > 0 ? maxOutputTokens : 64 + 24 * bids.size();
        ChatResponse response = ask(juror, prompt, limit);
        String answer = text(response);
        Map<Integer, JuryAnswerParser.Reading> readings = JuryAnswerParser.parseAll(answer);
        List<JuryScore> scores = new ArrayList<>(bids.size());
        for (int k = 0; k < order.size(); k++) {
            String bidder = bids.get(order.get(k)).agent();
            JuryAnswerParser.Reading reading = readings.get(k + 1);
            if (readings.isEmpty()) {
                scores.add(JuryScore.missing(juror.name(), bidder, JuryScore.Status.UNPARSEABLE,
                        "no scores found in the answer: " + abbreviate(answer)));
            } else if (reading == null) {
                scores.add(JuryScore.missing(juror.name(), bidder, JuryScore.Status.MISSING,
                        "the answer has no entry for B" + (k + 1)));
            } else {
                scores.add(toScore(juror.name(), bidder, reading));
            }
        }
        return verdict(juror, scores, prompt, answer, response);
    }

    private JuryVerdict judgeOne(Agent juror, AuctionTask task, Bid bid) {
        String prompt = oneBidTemplate.apply(Map.of(
                        "task", task.text(),
                        "tools", Prompts.describeTools(task.tools()),
                        "bid", bid.text()))
                .text();
        ChatResponse response = ask(juror, prompt, maxOutputTokens > 0 ? maxOutputTokens : 32);
        String answer = text(response);
        JuryScore score = toScore(juror.name(), bid.agent(), JuryAnswerParser.parseOne(answer));
        return verdict(juror, List.of(score), prompt, answer, response);
    }

    private static JuryScore toScore(String juror, String bidder, JuryAnswerParser.Reading reading) {
        return new JuryScore(juror, bidder, reading.score(), reading.status(), reading.note());
    }

    private static ChatResponse ask(Agent juror, String prompt, int limit) {
        return juror.model()
                .chat(ChatRequest.builder()
                        .messages(UserMessage.from(prompt))
                        .parameters(ChatRequestParameters.builder().maxOutputTokens(limit).build())
                        .build());
    }

    private static String text(ChatResponse response) {
        String text = response == null || response.aiMessage() == null ? null : response.aiMessage().text();
        return text == null ? "" : ThinkingText.strip(text);
    }

    private static JuryVerdict verdict(
            Agent juror, List<JuryScore> scores, String prompt, String answer, ChatResponse response) {
        TokenUsage usage = response == null ? null : response.tokenUsage();
        Integer in = usage == null ? null : usage.inputTokenCount();
        Integer out = usage == null ? null : usage.outputTokenCount();
        return new JuryVerdict(
                juror.name(),
                scores,
                in != null ? in : TokenEstimate.of(prompt),
                out != null ? out : TokenEstimate.of(answer),
                in == null || out == null);
    }

    private static String abbreviate(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= 80 ? flat : flat.substring(0, 77) + "...";
    }

    public JuryMode mode() {
        return mode;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link PromptJury}. */
    public static final class Builder {
        private JuryMode mode = JuryMode.ONE_CALL_PER_JUROR;
        private PromptTemplate allBidsTemplate;
        private PromptTemplate oneBidTemplate;
        private Integer maxOutputTokens;
        private Random random;

        private Builder() {}

        public Builder mode(JuryMode mode) {
            this.mode = mode == null ? JuryMode.ONE_CALL_PER_JUROR : mode;
            return this;
        }

        /** Overrides the all-bids prompt; it may use {@code {{task}}}, {@code {{tools}}} and {@code {{bids}}}. */
        public Builder allBidsTemplate(PromptTemplate template) {
            this.allBidsTemplate = template;
            return this;
        }

        /** Overrides the one-bid prompt; it may use {@code {{task}}}, {@code {{tools}}} and {@code {{bid}}}. */
        public Builder oneBidTemplate(PromptTemplate template) {
            this.oneBidTemplate = template;
            return this;
        }

        /** Output limit per jury call; by default 64 + 24 per bid (all bids) or 32 (one bid). */
        public Builder maxOutputTokens(int maxOutputTokens) {
            this.maxOutputTokens = maxOutputTokens;
            return this;
        }

        /** The source of the bid order shown to each juror; seed it for reproducible runs. */
        public Builder random(Random random) {
            this.random = random;
            return this;
        }

        public PromptJury build() {
            return new PromptJury(this);
        }
    }
}
