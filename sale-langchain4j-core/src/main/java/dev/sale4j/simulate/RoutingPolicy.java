package dev.sale4j.simulate;

/**
 * A router replayed on recorded runs: trained on the training tasks of a fold, then asked to route each test task
 * seeing only what it could know at decision time (a {@link TaskView}: the task, the bids and jury scores, the text
 * embedding, and the executions it asks for). A cascade executes several agents in turn through
 * {@link TaskView#execute}; every execution it tried is paid for.
 *
 * <p>Policies are named and listed by {@link PolicyRegistry}; {@link Simulation} replays them side by side.
 */
public interface RoutingPolicy {

    /** The policy's name in tables and on the command line, e.g. {@code sale} or {@code single:qwen3-4b}. */
    String name();

    /** Trains on the training tasks of one fold (most baselines ignore them) and returns the router for its test tasks. */
    Router train(Training training);

    /** True when the policy holds SALE's auction, so the recorded auction overhead is charged to it. */
    default boolean holdsAuction() {
        return false;
    }

    /** A trained policy: picks the agent whose answer is kept for one task. */
    @FunctionalInterface
    interface Router {

        /**
         * Routes one task.
         *
         * @return the agent whose execution answers the task; if it was not executed through
         *         {@link TaskView#execute} yet, the simulator executes it
         */
        String route(TaskView task);
    }
}
