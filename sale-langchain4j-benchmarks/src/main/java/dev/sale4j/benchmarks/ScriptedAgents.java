package dev.sale4j.benchmarks;

import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AgentPool;
import dev.sale4j.testkit.ScriptedAgent;

/**
 * The benchmarks' pool: four of the core test kit's {@link ScriptedAgent}s whose every call answers after a fixed
 * latency (zero for an instant agent), with realistic plan texts and jury scores.
 */
final class ScriptedAgents {

    private static final String PLAN = """
            1. Search for the official list of capitals and read the first two results.
            2. Cross-check the answer against a second, independent source (an encyclopedia page).
            3. If the sources disagree, search for the constitutional or legal definition and prefer it.
            4. Answer with the city name and cite both sources; flag any remaining doubt.""";

    private static final int[] SCORES = {4, 3, 5, 2};

    private ScriptedAgents() {}

    static AgentPool pool(long latencyNanos) {
        double[] prices = {0.05, 0.09, 0.16, 0.36};
        String[] names = {"qwen3:4b", "qwen3:8b", "qwen3:14b", "qwen3:32b"};
        Agent[] agents = new Agent[4];
        for (int i = 0; i < 4; i++) {
            String plan = "Strategy " + i + ":\n" + PLAN;
            agents[i] = Agent.of(names[i], new ScriptedAgent(p -> plan, p -> plan, ScriptedAgents::score,
                    latencyNanos), prices[i]);
        }
        return AgentPool.of(agents);
    }

    /** Each strategy's score, by the variant its text names. */
    private static int score(String bidText) {
        for (int i = 0; i < SCORES.length; i++) {
            if (bidText.contains("Strategy " + i + ":")) {
                return SCORES[i];
            }
        }
        return 0;
    }
}
