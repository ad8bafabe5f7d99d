package dev.sale4j.chat;

import dev.langchain4j.model.chat.response.ChatResponseMetadata;
import dev.sale4j.execute.Handover;
import java.util.List;
import java.util.Objects;

/**
 * The backend's response metadata, plus the auction behind it. {@code tokenUsage()} stays the execution's own usage
 * (what this call cost on the executing backend); the auction's overhead is kept apart, in {@link #overheadTokens()}
 * and {@link #overheadCostUsd()}. Every call of a task carries its auction; {@link #auctionRan()} is true only on the
 * call that ran it, so sum overheads over those calls only.
 */
public class SaleChatResponseMetadata extends ChatResponseMetadata {

    private final String taskId;
    private final String auctionId;
    private final String winner;
    private final String executor;
    private final List<BidSummary> bids;
    private final long overheadTokens;
    private final double overheadCostUsd;
    private final double executionCostUsd;
    private final boolean auctionRan;
    private final List<Handover> handovers;
    private final ChatResponseMetadata executionMetadata;

    protected SaleChatResponseMetadata(Builder builder) {
        super(builder);
        this.taskId = builder.taskId;
        this.auctionId = builder.auctionId;
        this.winner = builder.winner;
        this.executor = builder.executor;
        this.bids = builder.bids == null ? List.of() : List.copyOf(builder.bids);
        this.overheadTokens = builder.overheadTokens;
        this.overheadCostUsd = builder.overheadCostUsd;
        this.executionCostUsd = builder.executionCostUsd;
        this.auctionRan = builder.auctionRan;
        this.handovers = builder.handovers == null ? List.of() : List.copyOf(builder.handovers);
        this.executionMetadata = builder.executionMetadata;
    }

    /** The task this call belongs to. */
    public String taskId() {
        return taskId;
    }

    /** The id of the task's auction ({@link dev.sale4j.auction.AuctionResult#id()}); null in shadow mode. */
    public String auctionId() {
        return auctionId;
    }

    /** The auction's winner; null in shadow mode, where the auction runs beside the execution. */
    public String winner() {
        return winner;
    }

    /** The agent that produced this response: the winner, or the agent the task was handed over to. */
    public String executor() {
        return executor;
    }

    /** Every bid of the auction, best first. */
    public List<BidSummary> bids() {
        return bids;
    }

    /** Tokens the auction's own calls (bids, jury, refinement) spent. */
    public long overheadTokens() {
        return overheadTokens;
    }

    /** USD the auction's own calls cost, at each agent's prices. */
    public double overheadCostUsd() {
        return overheadCostUsd;
    }

    /** USD this call cost on the executing backend, at the executor's prices. */
    public double executionCostUsd() {
        return executionCostUsd;
    }

    /** True on the one call of the task that ran the auction. */
    public boolean auctionRan() {
        return auctionRan;
    }

    /** Handovers of the task so far, oldest first. */
    public List<Handover> handovers() {
        return handovers;
    }

    /** The executing backend's own metadata, of its own type (for example OpenAI's). */
    public ChatResponseMetadata executionMetadata() {
        return executionMetadata;
    }

    @Override
    public Builder toBuilder() {
        Builder builder = builder();
        toBuilder(builder);
        return builder
                .taskId(taskId)
                .auctionId(auctionId)
                .winner(winner)
                .executor(executor)
                .bids(bids)
                .overheadTokens(overheadTokens)
                .overheadCostUsd(overheadCostUsd)
                .executionCostUsd(executionCostUsd)
                .auctionRan(auctionRan)
                .handovers(handovers)
                .executionMetadata(executionMetadata);
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o)
                && o instanceof SaleChatResponseMetadata that
                && Objects.equals(taskId, that.taskId)
                && Objects.equals(auctionId, that.auctionId)
                && Objects.equals(winner, that.winner)
                && Objects.equals(executor, that.executor)
                && bids.equals(that.bids)
                && overheadTokens == that.overheadTokens
                && Double.compare(overheadCostUsd, that.overheadCostUsd) == 0
                && Double.compare(executionCostUsd, that.executionCostUsd) == 0
                && auctionRan == that.auctionRan
                && handovers.equals(that.handovers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), taskId, auctionId, winner, executor, bids, overheadTokens,
                overheadCostUsd, executionCostUsd, auctionRan, handovers);
    }

    @Override
    public String toString() {
        return "SaleChatResponseMetadata{id='" + id() + "', modelName='" + modelName() + "', tokenUsage=" + tokenUsage()
                + ", finishReason=" + finishReason() + ", taskId='" + taskId + "', auctionId='" + auctionId
                + "', winner='" + winner + "', executor='" + executor + "', bids=" + bids + ", overheadTokens="
                + overheadTokens + ", overheadCostUsd=" + overheadCostUsd + ", executionCostUsd=" + executionCostUsd
                + ", auctionRan=" + auctionRan + ", handovers=" + handovers + '}';
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link SaleChatResponseMetadata}, following {@link ChatResponseMetadata.Builder}'s generics. */
    public static class Builder extends ChatResponseMetadata.Builder<Builder> {
        private String taskId;
        private String auctionId;
        private String winner;
        private String executor;
        private List<BidSummary> bids;
        private long overheadTokens;
        private double overheadCostUsd;
        private double executionCostUsd;
        private boolean auctionRan;
        private List<Handover> handovers;
        private ChatResponseMetadata executionMetadata;

        public Builder taskId(String taskId) {
            this.taskId = taskId;
            return this;
        }

        public Builder auctionId(String auctionId) {
            this.auctionId = auctionId;
            return this;
        }

        public Builder winner(String winner) {
            this.winner = winner;
            return this;
        }

        public Builder executor(String executor) {
            this.executor = executor;
            return this;
        }

        public Builder bids(List<BidSummary> bids) {
            this.bids = bids;
            return this;
        }

        public Builder overheadTokens(long overheadTokens) {
            this.overheadTokens = overheadTokens;
            return this;
        }

        public Builder overheadCostUsd(double overheadCostUsd) {
            this.overheadCostUsd = overheadCostUsd;
            return this;
        }

        public Builder executionCostUsd(double executionCostUsd) {
            this.executionCostUsd = executionCostUsd;
            return this;
        }

        public Builder auctionRan(boolean auctionRan) {
            this.auctionRan = auctionRan;
            return this;
        }

        public Builder handovers(List<Handover> handovers) {
            this.handovers = handovers;
            return this;
        }

        public Builder executionMetadata(ChatResponseMetadata executionMetadata) {
            this.executionMetadata = executionMetadata;
            return this;
        }

        @Override
        public SaleChatResponseMetadata build() {
            return new SaleChatResponseMetadata(this);
        }
    }
}
