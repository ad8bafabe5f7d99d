package dev.sale4j.eval.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON form of tasks and suite headers (one object per line, fields in a fixed order). Reading checks every
 * field and fails with an {@link IllegalArgumentException} that names the field and the fix.
 */
final class TaskJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final Set<String> TASK_FIELDS = Set.of("id", "domain", "bin", "minutes", "source", "prompt",
            "grading", "attribution", "metadata");
    private static final Map<String, Set<String>> GRADING_FIELDS = Map.of(
            "asserts", Set.of("type", "setup", "asserts", "reference"),
            "check", Set.of("type", "preamble", "tests", "entryPoint", "reference"),
            "choice", Set.of("type", "answer", "letters"),
            "answer", Set.of("type", "question", "answers"));

    private TaskJson() {
    }

    static ObjectNode write(BenchTask task) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", task.id());
        node.put("domain", task.domain().id());
        node.put("bin", task.bin().label());
        node.put("source", task.source());
        node.put("prompt", task.prompt());
        node.set("grading", write(task.grading()));
        node.put("attribution", task.attribution());
        if (!task.metadata().isEmpty()) {
            ObjectNode meta = node.putObject("metadata");
            task.metadata().forEach(meta::put);
        }
        return node;
    }

    private static ObjectNode write(GradingSpec spec) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", spec.type());
        if (spec instanceof GradingSpec.Asserts a) {
            node.put("setup", a.setup());
            a.asserts().forEach(node.putArray("asserts")::add);
            putIfPresent(node, "reference", a.reference());
        } else if (spec instanceof GradingSpec.Check c) {
            node.put("preamble", c.preamble());
            node.put("tests", c.tests());
            node.put("entryPoint", c.entryPoint());
            putIfPresent(node, "reference", c.reference());
        } else if (spec instanceof GradingSpec.Choice c) {
            node.put("answer", c.answer());
            node.put("letters", c.letters());
        } else if (spec instanceof GradingSpec.Answer a) {
            node.put("question", a.question());
            a.answers().forEach(node.putArray("answers")::add);
        }
        return node;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    static BenchTask readTask(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("a task line must be a JSON object with fields id, domain, bin, source,"
                    + " prompt, grading");
        }
        rejectUnknown(node, TASK_FIELDS, "");
        TimeBin bin;
        if (node.has("bin")) {
            bin = field(() -> TimeBin.parse(text(node, "bin", true)), "bin");
        } else if (node.has("minutes")) {
            JsonNode minutes = node.get("minutes");
            if (!minutes.isNumber()) {
                throw new IllegalArgumentException("field 'minutes' must be a number of minutes in (0,60], e.g. 3.5");
            }
            bin = field(() -> TimeBin.ofMinutes(minutes.asDouble()), "minutes");
        } else {
            throw new IllegalArgumentException("field 'bin' is required: a label such as \"(0.5,2.5]\", or give "
                    + "'minutes' (a human time in minutes) instead");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        JsonNode meta = node.get("metadata");
        if (meta != null && !meta.isNull()) {
            if (!meta.isObject()) {
                throw new IllegalArgumentException("field 'metadata' must be an object of strings, e.g. "
                        + "{\"difficulty\": \"Hard\"}");
            }
            meta.properties().forEach(e -> metadata.put(e.getKey(), e.getValue().asText()));
        }
        return new BenchTask(text(node, "id", true),
                field(() -> Domain.of(text(node, "domain", true)), "domain"),
                bin, text(node, "source", true), text(node, "prompt", true), readGrading(node.get("grading")),
                text(node, "attribution", false), metadata);
    }

    private static GradingSpec readGrading(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("field 'grading' is required and must be an object with a 'type' of "
                    + "asserts, check, choice or answer");
        }
        String type = text(node, "type", false);
        Set<String> allowed = GRADING_FIELDS.get(type == null ? "" : type);
        if (allowed == null) {
            throw new IllegalArgumentException("field 'grading.type' must be one of asserts, check, choice, answer; "
                    + "got " + (type == null ? "nothing" : "'" + type + "'"));
        }
        rejectUnknown(node, allowed, "grading.");
        return switch (type) {
            case "asserts" -> new GradingSpec.Asserts(text(node, "setup", false), strings(node, "asserts"),
                    text(node, "reference", false));
            case "check" -> new GradingSpec.Check(text(node, "preamble", false), text(node, "tests", false),
                    text(node, "entryPoint", false), text(node, "reference", false));
            case "choice" -> {
                JsonNode letters = node.get("letters");
                if (letters != null && !letters.canConvertToInt()) {
                    throw new IllegalArgumentException("field 'grading.letters' must be an integer, the number of "
                            + "options (e.g. 4 for A-D)");
                }
                yield new GradingSpec.Choice(text(node, "answer", false), letters == null ? 4 : letters.asInt());
            }
            default -> new GradingSpec.Answer(text(node, "question", false), strings(node, "answers"));
        };
    }

    static ObjectNode write(SuiteInfo info, int taskCount) {
        ObjectNode node = JSON.createObjectNode();
        node.put("format", "sale4j-suite");
        node.put("name", info.name());
        node.put("version", info.version());
        node.put("binsAreProxy", info.binsAreProxy());
        node.put("binsNote", info.binsNote());
        node.put("tasks", taskCount);
        ArrayNode sources = node.putArray("sources");
        for (SourceInfo s : info.sources()) {
            sources.addObject().put("id", s.id()).put("name", s.name()).put("citation", s.citation())
                    .put("origin", s.origin()).put("licence", s.licence()).put("binProxy", s.binProxy())
                    .put("note", s.note());
        }
        return node;
    }

    static boolean isHeader(JsonNode node) {
        return node.isObject() && node.has("format");
    }

    static SuiteInfo readInfo(JsonNode node) {
        if (!"sale4j-suite".equals(node.path("format").asText())) {
            throw new IllegalArgumentException("field 'format' must be \"sale4j-suite\" in a suite header; got "
                    + node.get("format"));
        }
        List<SourceInfo> sources = new ArrayList<>();
        for (JsonNode s : node.path("sources")) {
            sources.add(new SourceInfo(text(s, "id", true), text(s, "name", false), text(s, "citation", false),
                    text(s, "origin", false), text(s, "licence", false), text(s, "binProxy", false),
                    text(s, "note", false)));
        }
        if (!node.path("version").canConvertToInt()) {
            throw new IllegalArgumentException("field 'version' must be an integer, e.g. 1");
        }
        return new SuiteInfo(text(node, "name", true), node.get("version").asInt(),
                node.path("binsAreProxy").asBoolean(false), text(node, "binsNote", false), sources);
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new IllegalArgumentException("field '" + field + "' is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' must be a string; got " + value.getNodeType()
                    .name().toLowerCase());
        }
        return value.asText();
    }

    private static List<String> strings(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new IllegalArgumentException("field 'grading." + field + "' must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw new IllegalArgumentException("field 'grading." + field + "' must hold strings only; got "
                        + item);
            }
            out.add(item.asText());
        }
        return out;
    }

    private static void rejectUnknown(JsonNode node, Set<String> allowed, String prefix) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + prefix + name + "'; allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private static <T> T field(java.util.function.Supplier<T> parse, String field) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            throw new IllegalArgumentException(message.startsWith("field '") ? message
                    : "field '" + field + "': " + message, e);
        }
    }
}
