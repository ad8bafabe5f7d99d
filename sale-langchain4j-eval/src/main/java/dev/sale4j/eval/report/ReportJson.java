package dev.sale4j.eval.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sale4j.simulate.Measure;
import dev.sale4j.simulate.Measures;
import dev.sale4j.simulate.Measures.Group;

/** Every measure as one JSON document: per policy, per group, the {@link Measure} fields; and the Shapley values. */
final class ReportJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {}

    static String json(Measures m, boolean binsProxy) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("folds", m.result().folds());
        root.put("seed", m.result().seed());
        root.put("binsAreProxy", binsProxy && !m.bins().isEmpty());
        root.putPOJO("agents", m.result().agents());
        root.put("largest", m.result().largest());
        root.put("cheapest", m.result().cheapest());
        ArrayNode policies = root.putArray("policies");
        for (String policy : m.policies()) {
            ObjectNode p = policies.addObject();
            p.put("name", policy);
            ArrayNode groups = p.putArray("groups");
            for (Group g : m.groups()) {
                Measure x = m.get(policy, g);
                if (x != null) {
                    ObjectNode n = MAPPER.valueToTree(x);
                    n.put("domain", g.domain());
                    n.put("bin", g.bin());
                    groups.add(n);
                }
            }
            p.set("confusion", MAPPER.valueToTree(m.confusion(policy)));
        }
        if (m.result().shapley() != null) {
            root.set("shapley", MAPPER.valueToTree(m.result().shapley()));
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Could not write the report JSON", e);
        }
    }
}
