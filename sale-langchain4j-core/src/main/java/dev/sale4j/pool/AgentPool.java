package dev.sale4j.pool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agents that bid for tasks, in the order they were added (the order breaks exact ties).
 *
 * <p>A pool has at least one agent, unique names and non-negative prices; anything else fails at build time.
 */
public final class AgentPool implements Iterable<Agent> {

    private final List<Agent> agents;
    private final Map<String, Agent> byName;

    private AgentPool(List<Agent> agents) {
        if (agents.isEmpty()) {
            throw new IllegalArgumentException("An AgentPool needs at least one agent: add(Agent.of(name, model, price))");
        }
        Map<String, Agent> map = new LinkedHashMap<>();
        for (Agent agent : agents) {
            if (agent == null) {
                throw new IllegalArgumentException("An AgentPool cannot hold a null agent");
            }
            if (map.putIfAbsent(agent.name(), agent) != null) {
                throw new IllegalArgumentException("Two agents are named '" + agent.name()
                        + "': agent names identify bidders and jurors in traces, so they must be unique");
            }
        }
        this.agents = List.copyOf(agents);
        this.byName = Map.copyOf(map);
    }

    public static AgentPool of(Agent... agents) {
        return new AgentPool(List.of(agents));
    }

    public static AgentPool of(Collection<Agent> agents) {
        return new AgentPool(new ArrayList<>(agents));
    }

    public List<Agent> agents() {
        return agents;
    }

    public int size() {
        return agents.size();
    }

    public Optional<Agent> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The agent with that name, or an {@link IllegalArgumentException} listing the names there are. */
    public Agent get(String name) {
        Agent agent = byName.get(name);
        if (agent == null) {
            throw new IllegalArgumentException("No agent named '" + name + "' in the pool; agents are " + names());
        }
        return agent;
    }

    public List<String> names() {
        return agents.stream().map(Agent::name).toList();
    }

    /** This pool without the named agents, in the same order; an error when none would remain. */
    public AgentPool without(Collection<String> names) {
        List<Agent> kept = agents.stream().filter(a -> !names.contains(a.name())).toList();
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("Removing " + names + " from " + this + " leaves no agent: keep at least one");
        }
        return new AgentPool(kept);
    }

    /** Position of the agent in the pool, used to break exact ties deterministically. */
    public int indexOf(String name) {
        for (int i = 0; i < agents.size(); i++) {
            if (agents.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The agent with the lowest price (the first one added among equals). */
    public Agent cheapest() {
        return agents.stream().min(Comparator.comparingDouble(Agent::price)).orElseThrow();
    }

    /** Agents whose price is strictly lower than that of the named agent. */
    public List<Agent> cheaperThan(String name) {
        double price = get(name).price();
        return agents.stream().filter(a -> a.price() < price).toList();
    }

    @Override
    public Iterator<Agent> iterator() {
        return agents.iterator();
    }

    @Override
    public String toString() {
        return "AgentPool" + names();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link AgentPool}. */
    public static final class Builder {
        private final List<Agent> agents = new ArrayList<>();

        private Builder() {}

        public Builder add(Agent agent) {
            agents.add(agent);
            return this;
        }

        public Builder add(String name, dev.langchain4j.model.chat.ChatModel model, double usdPerMillionTokens) {
            return add(Agent.of(name, model, usdPerMillionTokens));
        }

        public AgentPool build() {
            return new AgentPool(agents);
        }
    }
}
