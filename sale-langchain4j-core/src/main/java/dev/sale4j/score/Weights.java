package dev.sale4j.score;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sale4j.internal.AtomicFile;
import dev.sale4j.internal.FileProblems;
import dev.sale4j.json.JsonFields;
import dev.sale4j.json.SaleJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The scoring weights of SALE: {@code w_c} (cost), {@code w_h} (entropy) and one {@code w_j} per juror.
 *
 * <p>Defaults ({@link #defaults()}): {@code w_c = 0.01}, {@code w_h = 1}, {@code w_j = 0.25} for every juror. They are
 * a hand-set starting point for a four-agent pool priced in USD per million tokens: a 300-token bid at 0.36 costs
 * 1.08 and at 0.05 costs 0.15, so the larger agent must earn about one more jury point on average to win. Fit your
 * own from recorded runs. Jurors without a weight of their own get {@link #defaultJuror()}.
 *
 * <p>{@link #scales()} normalise the features before the weights apply: {@link Scorer} divides {@code price * |s|},
 * {@code H} and each juror's score by its scale. Fitted weights carry the scales fitted with them; weights written
 * without scales (hand-set ones, older files) have identity scales, so each feature is used as is.
 *
 * <p>Files are read strictly ({@link #fromJson(String)}, {@link #load(Path)}): every field but {@code scales} is
 * required and unknown fields are errors, so a typo or a forgotten juror weight never silently weighs 0. Weights
 * embedded in auction traces are read by {@link SaleJson}'s lenient rules, like the rest of the trace.
 */
public record Weights(
        @JsonProperty("wc") double wc,
        @JsonProperty("wh") double wh,
        @JsonProperty("jurors") Map<String, Double> jurors,
        @JsonProperty("defaultJuror") double defaultJuror,
        @JsonProperty("scales") Scales scales) {

    public static final double DEFAULT_WC = 0.01;
    public static final double DEFAULT_WH = 1.0;
    public static final double DEFAULT_JUROR = 0.25;

    /** The required fields of a weights file; {@code scales} is the one optional field. */
    public static final List<String> FIELDS = List.of("wc", "wh", "jurors", "defaultJuror");

    @JsonCreator
    public Weights {
        check("wc", wc);
        check("wh", wh);
        check("defaultJuror", defaultJuror);
        jurors = jurors == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(jurors));
        jurors.forEach((juror, w) -> check("juror '" + juror + "'", w == null ? Double.NaN : w));
        scales = scales == null ? Scales.identity() : scales;
    }

    /** Weights with identity scales. */
    public Weights(double wc, double wh, Map<String, Double> jurors, double defaultJuror) {
        this(wc, wh, jurors, defaultJuror, Scales.identity());
    }

    /**
     * The divisors that normalise each feature before its weight applies: {@code cost} for {@code price * |s|},
     * {@code entropy} for {@code H}, one per juror for its scores (a juror without one has scale 1).
     */
    public record Scales(
            @JsonProperty("cost") double cost,
            @JsonProperty("entropy") double entropy,
            @JsonProperty("jurors") Map<String, Double> jurors) {

        @JsonCreator
        public Scales {
            checkScale("cost", cost);
            checkScale("entropy", entropy);
            jurors = jurors == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(jurors));
            jurors.forEach((juror, s) -> checkScale("juror '" + juror + "'", s == null ? Double.NaN : s));
        }

        private static void checkScale(String name, double s) {
            if (!Double.isFinite(s) || s <= 0) {
                throw new IllegalArgumentException("Scale " + name + " is " + s
                        + ": a feature scale is a finite divisor > 0 (use 1 for no scaling)");
            }
        }

        /** Every scale 1: features are used as they are. */
        public static Scales identity() {
            return new Scales(1.0, 1.0, Map.of());
        }

        /** The scale of this juror's scores; 1 when none was fitted. */
        public double juror(String juror) {
            return jurors.getOrDefault(juror, 1.0);
        }
    }

    private static void check(String name, double w) {
        if (!Double.isFinite(w) || w < 0) {
            throw new IllegalArgumentException("Weight " + name + " is " + w
                    + ": SALE's weights are finite and >= 0 (the formula fixes their signs)");
        }
    }

    public static Weights defaults() {
        return new Weights(DEFAULT_WC, DEFAULT_WH, Map.of(), DEFAULT_JUROR);
    }

    /** The weight of this juror's scores. */
    public double juror(String juror) {
        return jurors.getOrDefault(juror, defaultJuror);
    }

    public Weights withJuror(String juror, double w) {
        Map<String, Double> map = new TreeMap<>(jurors);
        map.put(juror, w);
        return new Weights(wc, wh, map, defaultJuror, scales);
    }

    public Weights withScales(Scales scales) {
        return new Weights(wc, wh, jurors, defaultJuror, scales);
    }

    public String toJson() {
        return SaleJson.write(this);
    }

    /**
     * Reads weights strictly, as a file a user may have edited: {@code wc}, {@code wh}, {@code jurors} and
     * {@code defaultJuror} are required, {@code scales} is
     * optional (identity when absent, as in hand-set weights and files older than scales; when present it needs
     * {@code cost} and {@code entropy}, and a juror without a scale has scale 1). An unknown or misspelt field, a
     * missing one, a null or a non-number is an error naming the field: no weight silently becomes 0.
     *
     * @throws IllegalArgumentException naming the field, the valid fields and the fix
     */
    public static Weights fromJson(String json) {
        JsonNode root;
        try {
            root = SaleJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
        JsonFields.check(root, "the weights", FIELDS, List.of("scales"));
        numbers(root, "", "wc", "wh", "defaultJuror");
        numberMap(root.get("jurors"), "jurors");
        JsonNode scales = root.get("scales");
        if (scales != null && !scales.isNull()) {
            JsonFields.check(scales, "scales", List.of("cost", "entropy"), List.of("jurors"));
            numbers(scales, "scales.", "cost", "entropy");
            if (scales.hasNonNull("jurors")) {
                numberMap(scales.get("jurors"), "scales.jurors");
            }
        }
        return SaleJson.read(json, Weights.class);
    }

    private static void numbers(JsonNode node, String prefix, String... fields) {
        for (String f : fields) {
            if (!node.get(f).isNumber()) {
                throw new IllegalArgumentException("field '" + prefix + f + "' is " + node.get(f)
                        + ": write a number, e.g. \"" + f + "\": 0.5");
            }
        }
    }

    private static void numberMap(JsonNode node, String field) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("field '" + field + "' is " + node
                    + ": write an object of juror name to number, e.g. {\"qwen3:32b\": 0.4}, or {} for none");
        }
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isNumber()) {
                throw new IllegalArgumentException("field '" + field + "." + e.getKey() + "' is " + e.getValue()
                        + ": write a number");
            }
        });
    }

    /**
     * Reads weights saved by {@link #save(Path)} (or written by hand), strictly as {@link #fromJson(String)}.
     *
     * @throws WeightsFileException naming the file and the problem: missing, a directory, unreadable, not valid
     */
    public static Weights load(Path file) {
        String problem = FileProblems.unreadable(file);
        if (problem != null) {
            throw new WeightsFileException(file, problem + ": pass a weights JSON file, e.g. one written by "
                    + "'sale fit --out'", null);
        }
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new WeightsFileException(file, "cannot be read: " + FileProblems.reason(e), e);
        }
        try {
            return fromJson(json);
        } catch (IllegalArgumentException e) {
            throw new WeightsFileException(file, "is not valid: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the weights as JSON, atomically: the file holds the old or the new weights, never a torn mix.
     *
     * @throws WeightsFileException when the path cannot be written, saying why
     */
    public void save(Path file) {
        try {
            AtomicFile.writeString(file, toJson());
        } catch (IOException e) {
            String problem = FileProblems.unwritable(file);
            throw new WeightsFileException(file, (problem != null ? problem : "cannot be written: "
                    + FileProblems.reason(e)) + ": choose another path", e);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link Weights}, starting from the defaults. */
    public static final class Builder {
        private double wc = DEFAULT_WC;
        private double wh = DEFAULT_WH;
        private double defaultJuror = DEFAULT_JUROR;
        private final Map<String, Double> jurors = new TreeMap<>();
        private Scales scales = Scales.identity();

        private Builder() {}

        public Builder wc(double wc) {
            this.wc = wc;
            return this;
        }

        public Builder wh(double wh) {
            this.wh = wh;
            return this;
        }

        public Builder juror(String juror, double w) {
            jurors.put(juror, w);
            return this;
        }

        public Builder defaultJuror(double w) {
            this.defaultJuror = w;
            return this;
        }

        public Builder scales(Scales scales) {
            this.scales = scales;
            return this;
        }

        public Weights build() {
            return new Weights(wc, wh, jurors, defaultJuror, scales);
        }
    }
}
