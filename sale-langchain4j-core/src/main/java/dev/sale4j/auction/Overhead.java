package dev.sale4j.auction;

import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AgentPool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sums the calls of an auction into overhead per agent and phase, priced at each agent's input and output price. */
final class Overhead {

    private Overhead() {}

    static List<PhaseUsage> perAgentAndPhase(List<CallUsage> calls, AgentPool pool) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        Map<String, Boolean> estimated = new LinkedHashMap<>();
        for (Phase phase : Phase.values()) {
            for (Agent agent : pool) {
                for (CallUsage call : calls) {
                    if (call.phase() == phase && call.agent().equals(agent.name())) {
                        String key = agent.name() + '\u0000' + phase.name();
                        long[] s = sums.computeIfAbsent(key, k -> new long[3]);
                        s[0]++;
                        s[1] += call.inputTokens();
                        s[2] += call.outputTokens();
                        estimated.merge(key, call.estimated(), Boolean::logicalOr);
                    }
                }
            }
        }
        List<PhaseUsage> usage = new ArrayList<>(sums.size());
        sums.forEach((key, s) -> {
            String[] parts = key.split("\u0000", 2);
            Agent agent = pool.get(parts[0]);
            usage.add(new PhaseUsage(agent.name(), Phase.valueOf(parts[1]), (int) s[0], s[1], s[2],
                    agent.costUsd(s[1], s[2]), estimated.get(key)));
        });
        return usage;
    }
}
