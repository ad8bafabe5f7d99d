package dev.sale4j.runs;

import dev.sale4j.auction.AuctionResult;
import dev.sale4j.jury.JuryScore;
import dev.sale4j.score.ScoredBid;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One task of a recorded workload, one line of a recorded-runs JSONL file (see {@code docs/recorded-runs.md} and the
 * schema {@code dev/sale4j/runs/recorded-run.schema.json}): the task, and per agent its bid terms and, where it
 * executed the task, the outcome. The benchmark harness writes one when every agent runs every task; a router writes
 * one per auction through {@link RunRecorder}, where only the winner executed. Weight fitting needs the first kind.
 *
 * @param schemaVersion the format version, {@link #SCHEMA_VERSION} for files this code writes
 * @param id            the task's id, unique within a file
 * @param text          the task text
 * @param domain        the workload domain ({@code coding}, {@code deep-search}, ...); may be null
 * @param bin           the complexity bin (e.g. a human-solution-time range such as {@code (0.5,2.5]}); may be null
 * @param winner        the agent a router chose; null when the run did not route
 * @param agents        one entry per agent that bid, in pool order, names unique
 * @param overhead      format v2: tokens and USD of the task's auction, where one ran; null otherwise
 * @param routing       format v2: the policy label, stream order and position, seed, refinement and the winner's
 *                      outcome of an online run; null for harness runs
 */
public record RecordedRun(
        int schemaVersion, String id, String text, String domain, String bin, String winner, List<AgentRun> agents,
        AuctionOverhead overhead, RoutingInfo routing) {

    /** The version of the format this code writes; it reads {@link #OLDEST_VERSION} to this one. */
    public static final int SCHEMA_VERSION = 2;

    /** The oldest version this code reads. */
    public static final int OLDEST_VERSION = 1;

    /** A run without the version-2 task fields. */
    public RecordedRun(int schemaVersion, String id, String text, String domain, String bin, String winner,
            List<AgentRun> agents) {
        this(schemaVersion, id, text, domain, bin, winner, agents, null, null);
    }

    public RecordedRun {
        if (schemaVersion < OLDEST_VERSION || schemaVersion > SCHEMA_VERSION) {
            throw new IllegalArgumentException("Recorded-run schema version " + schemaVersion
                    + " is not supported: this sale4j reads versions " + OLDEST_VERSION + " to " + SCHEMA_VERSION);
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A recorded run needs a task id");
        }
        text = text == null ? "" : text;
        if (agents == null || agents.isEmpty()) {
            throw new IllegalArgumentException("Recorded run '" + id + "' has no agents: record at least one bid");
        }
        agents = List.copyOf(agents);
        Set<String> names = new HashSet<>();
        for (AgentRun a : agents) {
            if (!names.add(a.agent())) {
                throw new IllegalArgumentException("Recorded run '" + id + "' lists agent '" + a.agent()
                        + "' twice: record one entry per agent");
            }
        }
        if (winner != null && !names.contains(winner)) {
            throw new IllegalArgumentException("Recorded run '" + id + "' names winner '" + winner
                    + "', which is not among its agents " + names);
        }
        if (schemaVersion < 2 && (overhead != null || routing != null
                || agents.stream().anyMatch(a -> a.execution() != null))) {
            throw new IllegalArgumentException("Recorded run '" + id + "' has version-2 fields (overhead, routing or "
                    + "execution) but schema version " + schemaVersion + ": write it as version 2");
        }
        if (routing != null && routing.refinedAgent() != null && !names.contains(routing.refinedAgent())) {
            throw new IllegalArgumentException("Recorded run '" + id + "' names refined agent '"
                    + routing.refinedAgent() + "', which is not among its agents " + names);
        }
        if (routing != null && routing.winnerCorrect() != null && winner != null) {
            Boolean recorded = agents.stream().filter(a -> a.agent().equals(winner)).findFirst().orElseThrow()
                    .correct();
            if (recorded != null && !recorded.equals(routing.winnerCorrect())) {
                throw new IllegalArgumentException("Recorded run '" + id + "': routing.winnerCorrect is "
                        + routing.winnerCorrect() + " but the winner's entry says correct=" + recorded
                        + ": the two must agree");
            }
        }
    }

    /** A run of the current version. */
    public static RecordedRun of(String id, String text, String domain, String bin, String winner,
            List<AgentRun> agents) {
        return new RecordedRun(SCHEMA_VERSION, id, text, domain, bin, winner, agents);
    }

    /**
     * The run of one auction: each agent's first-round bid (refined bids are memory data, not fitting data), every
     * juror's score of it, the auction's overhead, and the execution outcomes known so far.
     *
     * @param result   the auction trace
     * @param domain   the workload domain, or null
     * @param bin      the complexity bin, or null
     * @param outcomes execution outcome per agent that executed (usually the winner alone); may be empty
     */
    public static RecordedRun from(AuctionResult result, String domain, String bin,
            Map<String, ExecutionOutcome> outcomes) {
        if (result.originalBids().isEmpty()) {
            throw new IllegalArgumentException("Auction " + result.id() + " has no bids (winner '" + result.winner()
                    + "' was a fallback): there is nothing to record");
        }
        Map<String, ExecutionOutcome> known = outcomes == null ? Map.of() : outcomes;
        Map<String, AgentRun> byAgent = new LinkedHashMap<>();
        for (ScoredBid b : result.originalBids()) {
            Map<String, Integer> scores = new LinkedHashMap<>();
            for (JuryScore s : b.terms().juryScores()) {
                scores.put(s.juror(), s.score());
            }
            ExecutionOutcome o = known.get(b.agent());
            byAgent.putIfAbsent(b.agent(), new AgentRun(b.agent(), b.terms().planTokens(), b.terms().price(),
                    b.terms().entropy(), b.terms().entropyEstimator(), scores,
                    o == null ? null : o.correct(), o == null ? null : o.tokens(), o == null ? null : o.costUsd(),
                    o == null ? null : o.detail()));
        }
        for (String agent : known.keySet()) {
            if (!byAgent.containsKey(agent)) {
                throw new IllegalArgumentException("Auction " + result.id() + ": an outcome is given for agent '"
                        + agent + "', which placed no bid; record outcomes only for bidders " + byAgent.keySet());
            }
        }
        String winner = result.fallback() ? null : result.winner();
        return new RecordedRun(SCHEMA_VERSION, result.id(), result.task(), domain, bin, winner,
                List.copyOf(byAgent.values()), new AuctionOverhead(result.overheadTokens(), result.overheadCostUsd()),
                null);
    }

    /** This run with the version-2 task fields set (and the version raised to 2). */
    public RecordedRun with(AuctionOverhead overhead, RoutingInfo routing) {
        return new RecordedRun(SCHEMA_VERSION, id, text, domain, bin, winner, agents, overhead, routing);
    }

    /** This run with other agent entries (same task fields and version). */
    public RecordedRun withAgents(List<AgentRun> agents) {
        return new RecordedRun(schemaVersion, id, text, domain, bin, winner, agents, overhead, routing);
    }

    /** The policy label of an online run, or null for harness runs. */
    public String policy() {
        return routing == null ? null : routing.policy();
    }

    /** The entry of this agent, or null. */
    public AgentRun agent(String name) {
        return agents.stream().filter(a -> a.agent().equals(name)).findFirst().orElse(null);
    }
}
