package dev.sale4j.simulate;

import dev.sale4j.runs.AgentRun;
import dev.sale4j.runs.RecordedRun;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One test task as a policy sees it at decision time: the task, every agent's first-round bid terms and jury scores
 * (with no outcome), the text embedding, and the executions the policy asks for. {@link #execute} records each
 * execution: its cost and tokens count against the policy. {@link #hindsight()} exposes the whole record, outcomes
 * included, and exists for the oracle alone.
 */
public final class TaskView {

    private final RecordedRun run;
    private final List<AgentRun> bids;
    private final float[] embedding;
    private final int task;
    private final List<Tried> tried = new ArrayList<>();
    private RecordedRun bidsOnly;

    TaskView(RecordedRun run, float[] embedding) {
        this(run, withoutOutcomes(run), null, embedding, -1);
    }

    /**
     * A view of task number {@code task} of the replay (-1 when unknown), with its bids from {@link #withoutOutcomes}
     * and, when already built, the run with those bids ({@link #hindsightFreeRun}; null to build it on demand).
     */
    TaskView(RecordedRun run, List<AgentRun> bids, RecordedRun bidsOnly, float[] embedding, int task) {
        this.run = run;
        this.bids = bids;
        this.bidsOnly = bidsOnly;
        this.embedding = embedding;
        this.task = task;
    }

    /** The run's bid terms and jury scores without execution outcomes, in recorded order (unmodifiable). */
    static List<AgentRun> withoutOutcomes(RecordedRun run) {
        List<AgentRun> list = new ArrayList<>(run.agents().size());
        for (AgentRun a : run.agents()) {
            list.add(new AgentRun(a.agent(), a.planTokens(), a.price(), a.entropy(), a.entropyEstimator(),
                    a.juryScores(), null, null, null));
        }
        return Collections.unmodifiableList(list);
    }

    public String id() {
        return run.id();
    }

    public String text() {
        return run.text();
    }

    public String domain() {
        return run.domain();
    }

    public String bin() {
        return run.bin();
    }

    /** The agents, in recorded (pool) order. */
    public List<String> agents() {
        return bids.stream().map(AgentRun::agent).toList();
    }

    /** Every agent's bid terms and jury scores, in recorded order, without execution outcomes. */
    public List<AgentRun> bids() {
        return bids;
    }

    /** The task text's embedding (a unit vector), or null when the simulation has no embedder. */
    public float[] embedding() {
        return embedding;
    }

    /**
     * Executes the agent on the task: the execution is paid for, and its verifier score (if recorded) is returned.
     * Executing the same agent twice is an error.
     */
    public Tried execute(String agent) {
        AgentRun a = run.agent(agent);
        if (a == null) {
            throw new IllegalArgumentException("Task '" + run.id() + "' has no agent '" + agent + "'; agents are "
                    + agents());
        }
        if (tried.stream().anyMatch(t -> t.agent().equals(agent))) {
            throw new IllegalStateException("Agent '" + agent + "' already executed task '" + run.id()
                    + "': a policy executes each agent at most once");
        }
        Tried t = new Tried(agent, a.execution() == null ? null : a.execution().verifierScore());
        tried.add(t);
        return t;
    }

    /** The executions tried so far, in order. */
    public List<Tried> tried() {
        return List.copyOf(tried);
    }

    /** The task's number in the replay (its index among the harness runs), or -1 when unknown. */
    int task() {
        return task;
    }

    /** The run as the auction saw it: the recorded task and bids, no outcomes. */
    RecordedRun hindsightFreeRun() {
        if (bidsOnly == null) {
            bidsOnly = run.withAgents(bids);
        }
        return bidsOnly;
    }

    /** The whole recorded run, outcomes included: only the oracle may look. */
    public RecordedRun hindsight() {
        return run;
    }
}
