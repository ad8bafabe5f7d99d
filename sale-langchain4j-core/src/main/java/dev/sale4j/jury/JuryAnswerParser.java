package dev.sale4j.jury;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads jurors' answers, leniently. The contract the prompts ask for:
 *
 * <ul>
 *   <li>all bids in one call: {@code {"scores": [{"bid": "B1", "score": 4}, ...]}}, bids labelled B1..Bn;
 *   <li>one bid per call: {@code {"score": 4}}.
 * </ul>
 *
 * <p>Also accepted: code fences and prose around the JSON; single quotes, unquoted keys, trailing commas and
 * comments; a bare array of entries; an object of {@code "B1": 4} pairs; labels written "B1", "b1", "1", "Bid 1";
 * numbers written as strings or as "4/5"; and, when no JSON is found, lines such as {@code B1: 4} or
 * {@code Score: 4}. Values are rounded to integers and clamped to 0..5, marked {@code ADJUSTED}. Anything else
 * is {@code UNPARSEABLE}: never an exception.
 */
public final class JuryAnswerParser {

    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private static final Pattern LABEL_DIGITS = Pattern.compile("(\\d+)");
    private static final Pattern LABEL_LINE =
            Pattern.compile("(?i)\\b(?:B|bid|strategy)\\s*#?\\s*(\\d+)\\b[^\\d\\n]{0,24}?(-?\\d+(?:\\.\\d+)?)");
    private static final Pattern SCORE_LINE = Pattern.compile("(?i)\\bscore\\b[^\\d\\n-]{0,12}(-?\\d+(?:\\.\\d+)?)");
    private static final Pattern NUMBER = Pattern.compile("^\\s*(-?\\d+(?:\\.\\d+)?)\\s*(?:/\\s*5)?\\s*$");
    private static final int MAX_JSON_ATTEMPTS = 32;

    private JuryAnswerParser() {}

    /** A score read from an answer: the value and whether it had to be adjusted, or why there is none. */
    public record Reading(Integer score, JuryScore.Status status, String note) {

        static Reading of(double raw) {
            if (!Double.isFinite(raw)) {
                return new Reading(null, JuryScore.Status.UNPARSEABLE, "not a finite number: " + raw);
            }
            long rounded = Math.round(raw);
            int clamped = (int) Math.max(0, Math.min(5, rounded));
            if (clamped == raw) {
                return new Reading(clamped, JuryScore.Status.SCORED, "");
            }
            return new Reading(clamped, JuryScore.Status.ADJUSTED, "answered " + raw + ", used " + clamped);
        }

        static Reading unparseable(String why) {
            return new Reading(null, JuryScore.Status.UNPARSEABLE, why);
        }
    }

    /**
     * Scores of bids labelled 1..n in an all-bids answer, by label number. Labels the answer does not mention are
     * absent from the map; if nothing could be read the map is empty.
     */
    public static Map<Integer, Reading> parseAll(String answer) {
        Map<Integer, Reading> readings = new HashMap<>();
        if (answer == null) {
            return readings;
        }
        Optional<JsonNode> json = firstJson(answer);
        if (json.isPresent()) {
            collect(json.get(), readings);
        }
        if (readings.isEmpty()) {
            Matcher m = LABEL_LINE.matcher(answer);
            while (m.find()) {
                readings.putIfAbsent(Integer.parseInt(m.group(1)), Reading.of(Double.parseDouble(m.group(2))));
            }
        }
        return readings;
    }

    /** The score in a one-bid answer. */
    public static Reading parseOne(String answer) {
        if (answer == null || answer.isBlank()) {
            return Reading.unparseable("empty answer");
        }
        Optional<JsonNode> json = firstJson(answer);
        if (json.isPresent()) {
            JsonNode node = json.get();
            JsonNode score = node.isObject() ? node.get("score") : null;
            if (score == null && node.isArray() && node.size() == 1) {
                score = node.get(0).isObject() ? node.get(0).get("score") : node.get(0);
            }
            if (score != null) {
                return value(score);
            }
        }
        Matcher m = NUMBER.matcher(stripFences(answer));
        if (m.matches()) {
            return Reading.of(Double.parseDouble(m.group(1)));
        }
        m = SCORE_LINE.matcher(answer);
        if (m.find()) {
            return Reading.of(Double.parseDouble(m.group(1)));
        }
        return Reading.unparseable("no score found in: " + abbreviate(answer));
    }

    private static void collect(JsonNode node, Map<Integer, Reading> readings) {
        if (node.isObject() && node.has("scores")) {
            collect(node.get("scores"), readings);
            return;
        }
        if (node.isArray()) {
            int position = 0;
            for (JsonNode entry : node) {
                position++;
                if (entry.isObject()) {
                    Integer label = label(firstOf(entry, "bid", "id", "label", "strategy", "name"));
                    JsonNode score = firstOf(entry, "score", "rating", "value");
                    if (label != null && score != null) {
                        readings.putIfAbsent(label, value(score));
                    }
                } else if (entry.isNumber() || entry.isTextual()) {
                    readings.putIfAbsent(position, value(entry)); // a bare list of scores in label order
                }
            }
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                Integer label = label(field.getKey());
                JsonNode score = field.getValue().isObject() ? field.getValue().get("score") : field.getValue();
                if (label != null && score != null) {
                    readings.putIfAbsent(label, value(score));
                }
            }
        }
    }

    private static JsonNode firstOf(JsonNode entry, String... names) {
        for (String name : names) {
            JsonNode value = entry.get(name);
            if (value != null && !value.isNull()) {
                return value;
            }
        }
        return null;
    }

    private static Integer label(JsonNode node) {
        if (node == null) {
            return null;
        }
        return node.isIntegralNumber() ? Integer.valueOf(node.asInt()) : label(node.asText());
    }

    private static Integer label(String text) {
        Matcher m = LABEL_DIGITS.matcher(text);
        return m.find() ? Integer.valueOf(Integer.parseInt(m.group(1))) : null;
    }

    private static Reading value(JsonNode node) {
        if (node.isNumber()) {
            return Reading.of(node.asDouble());
        }
        if (node.isTextual()) {
            Matcher m = NUMBER.matcher(node.asText());
            if (m.matches()) {
                return Reading.of(Double.parseDouble(m.group(1)));
            }
        }
        return Reading.unparseable("not a number: " + abbreviate(node.toString()));
    }

    /** The first JSON object or array found in the text, after removing code fences. */
    static Optional<JsonNode> firstJson(String answer) {
        String text = stripFences(answer);
        int attempts = 0;
        for (int i = 0; i < text.length() && attempts < MAX_JSON_ATTEMPTS; i++) {
            char c = text.charAt(i);
            if (c != '{' && c != '[') {
                continue;
            }
            attempts++;
            try (JsonParser parser = LENIENT.createParser(text.substring(i))) {
                JsonNode node = LENIENT.readTree(parser);
                if (node != null && (node.isObject() || node.isArray()) && !node.isEmpty()) {
                    return Optional.of(node);
                }
            } catch (Exception notJsonHere) {
                // try the next bracket
            }
        }
        return Optional.empty();
    }

    private static String stripFences(String text) {
        return text.replaceAll("```[a-zA-Z]*", " ");
    }

    private static String abbreviate(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= 80 ? flat : flat.substring(0, 77) + "...";
    }
}
