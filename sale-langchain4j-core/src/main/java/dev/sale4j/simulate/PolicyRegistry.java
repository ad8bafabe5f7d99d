package dev.sale4j.simulate;

import dev.sale4j.fit.FitObjective;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The routing policies by name. {@link #standard} holds every policy of the simulator for a pool:
 * {@code single:<agent>} for each agent, {@code largest}, {@code random}, {@code oracle}, {@code sale},
 * {@code sale-average}, the ablations {@code sale-no-price}, {@code sale-no-length}, {@code sale-no-entropy},
 * {@code sale-no-jury}, {@code sale-self-jury}, {@code sale-peer-jury}, {@code sale-without-juror:<agent>} for each
 * juror, the text routers {@code knn-wtp}, {@code carrot}, {@code routellm}, and {@code cascade}. Users may
 * {@link #register} their own.
 */
public final class PolicyRegistry {

    /** The text routers: they need task embeddings. */
    public static final List<String> TEXT_ROUTERS = List.of("knn-wtp", "carrot", "routellm");

    private final Map<String, Supplier<RoutingPolicy>> policies = new LinkedHashMap<>();

    private PolicyRegistry() {}

    /** An empty registry. */
    public static PolicyRegistry empty() {
        return new PolicyRegistry();
    }

    /** Every standard policy for a pool with these agents (which are also the jurors), seeded. */
    public static PolicyRegistry standard(List<String> agents, long seed) {
        PolicyRegistry r = new PolicyRegistry();
        agents.forEach(a -> r.register("single:" + a, () -> Baselines.single(a)));
        r.register("largest", Baselines::largest);
        r.register("random", () -> Baselines.random(seed));
        r.register("oracle", Baselines::oracle);
        r.register("sale", () -> SalePolicy.of(FitObjective.WORST_CASE));
        r.register("sale-average", () -> SalePolicy.of(FitObjective.AVERAGE));
        Ablation.standard().forEach(ab -> r.register("sale-" + ab.name(), () -> SalePolicy.ablated(ab)));
        agents.forEach(j -> r.register("sale-without-juror:" + j,
                () -> SalePolicy.ablated(Ablation.withoutJuror(j))));
        r.register("knn-wtp", () -> TextRouters.knnWtp(TextRouters.DEFAULT_K, TextRouters.DEFAULT_WTP_MULTIPLE));
        r.register("carrot", () -> TextRouters.carrot(TextRouters.DEFAULT_WTP_MULTIPLE, 1.0));
        r.register("routellm", () -> TextRouters.routeLlm(TextRouters.DEFAULT_K, TextRouters.DEFAULT_WTP_MULTIPLE));
        r.register("cascade", () -> CascadePolicy.create(TextRouters.DEFAULT_WTP_MULTIPLE));
        return r;
    }

    /** Adds or replaces a policy under its name. */
    public PolicyRegistry register(String name, Supplier<RoutingPolicy> policy) {
        if (name == null || name.isBlank() || policy == null) {
            throw new IllegalArgumentException("register a policy with a non-blank name and a supplier");
        }
        policies.put(name, policy);
        return this;
    }

    public List<String> names() {
        return List.copyOf(policies.keySet());
    }

    /** The named policies, in the order given; {@code all} stands for every registered policy. */
    public List<RoutingPolicy> resolve(List<String> names) {
        List<String> wanted = names == null || names.isEmpty() || names.contains("all") ? names() : names;
        List<RoutingPolicy> out = new ArrayList<>();
        for (String n : wanted) {
            Supplier<RoutingPolicy> s = policies.get(n);
            if (s == null) {
                throw new IllegalArgumentException("Unknown policy '" + n + "'; known policies: " + names()
                        + " (or 'all')");
            }
            out.add(s.get());
        }
        return out;
    }
}
