package dev.sale4j.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightsTest {

    @TempDir
    Path dir;

    @Test
    void jsonRoundTripKeepsEveryWeight() {
        Weights weights = Weights.builder().wc(0.02).wh(0.7).juror("qwen3:4b", 0.1).juror("qwen3:32b", 0.4)
                .defaultJuror(0.3).build();
        Weights back = Weights.fromJson(weights.toJson());
        assertThat(back).isEqualTo(weights);
        assertThat(back.juror("qwen3:32b")).isEqualTo(0.4);
        assertThat(back.juror("someone-else")).isEqualTo(0.3);
    }

    @Test
    void saveAndLoadRoundTripThroughAFile() {
        Path file = dir.resolve("nested/weights.json");
        Weights weights = Weights.defaults().withJuror("a", 0.5);
        weights.save(file);
        assertThat(Weights.load(file)).isEqualTo(weights);
        assertThat(dir.resolve("nested")).isDirectoryContaining(p -> p.getFileName().toString().equals("weights.json"));
    }

    @Test
    void negativeOrNonFiniteWeightsAreRejectedWithTheirName() {
        assertThatThrownBy(() -> Weights.builder().wc(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wc")
                .hasMessageContaining(">= 0");
        assertThatThrownBy(() -> Weights.builder().juror("x", Double.NaN).build())
                .hasMessageContaining("juror 'x'");
    }

    @Test
    void malformedOrMissingFilesAreClearErrors() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{ not json");
        assertThatThrownBy(() -> Weights.load(bad)).hasMessageContaining("bad.json").hasMessageContaining("not valid");
        assertThatThrownBy(() -> Weights.load(dir.resolve("none.json"))).hasMessageContaining("does not exist");
    }

    @Test
    void anEmptyObjectFailsNamingEveryMissingField() {
        assertThatThrownBy(() -> Weights.fromJson("{}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fields [wc, wh, jurors, defaultJuror] are missing");
    }

    @Test
    void aMisspeltFieldFailsNamingItAndSuggestingTheValidOne() {
        String json = Weights.defaults().toJson().replace("\"wc\"", "\"wC\"");
        assertThatThrownBy(() -> Weights.fromJson(json))
                .hasMessageContaining("unknown field 'wC'")
                .hasMessageContaining("did you mean 'wc'?")
                .hasMessageContaining("Valid fields: [wc, wh, jurors, defaultJuror, scales]");
    }

    @Test
    void aFileWithoutTheJurorsDefaultWeightFailsInsteadOfIgnoringTheJury() throws Exception {
        Path file = Files.writeString(dir.resolve("w.json"), "{\"wc\": 0.01, \"wh\": 1, \"jurors\": {}}");
        assertThatThrownBy(() -> Weights.load(file))
                .isInstanceOf(WeightsFileException.class)
                .hasMessageContaining("w.json")
                .hasMessageContaining("field 'defaultJuror' is missing");
    }

    @Test
    void nullsAndNonNumbersAreErrorsNamingTheField() {
        assertThatThrownBy(() -> Weights.fromJson("{\"wc\": null, \"wh\": 1, \"jurors\": {}, \"defaultJuror\": 0.2}"))
                .hasMessageContaining("field 'wc' is missing");
        assertThatThrownBy(() -> Weights.fromJson("{\"wc\": \"cheap\", \"wh\": 1, \"jurors\": {}, \"defaultJuror\": 0.2}"))
                .hasMessageContaining("field 'wc' is \"cheap\"");
        assertThatThrownBy(() -> Weights.fromJson("{\"wc\": 0, \"wh\": 1, \"jurors\": {\"a\": \"x\"}, \"defaultJuror\": 0.2}"))
                .hasMessageContaining("field 'jurors.a'");
    }

    @Test
    void scalesAreOptionalButStrictWhenPresent() {
        Weights noScales = Weights.fromJson("{\"wc\": 0.5, \"wh\": 1, \"jurors\": {\"a\": 0.3}, \"defaultJuror\": 0.2}");
        assertThat(noScales.scales()).isEqualTo(Weights.Scales.identity());
        assertThat(noScales.juror("a")).isEqualTo(0.3);
        assertThatThrownBy(() -> Weights.fromJson("{\"wc\": 0.5, \"wh\": 1, \"jurors\": {}, \"defaultJuror\": 0.2, "
                + "\"scales\": {\"cost\": 2, \"entrpy\": 3}}"))
                .hasMessageContaining("unknown field 'entrpy' in scales: did you mean 'entropy'?");
        assertThatThrownBy(() -> Weights.fromJson("{\"wc\": 0.5, \"wh\": 1, \"jurors\": {}, \"defaultJuror\": 0.2, "
                + "\"scales\": {\"cost\": 2}}"))
                .hasMessageContaining("field 'entropy' is missing from scales");
    }

    @Test
    void fittedWeightsWithScalesRoundTripStrictly() {
        Weights fitted = Weights.builder().wc(0.3).wh(0.1).juror("a", 0.2).defaultJuror(0)
                .scales(new Weights.Scales(4.0, 0.5, java.util.Map.of("a", 2.0))).build();
        assertThat(Weights.fromJson(fitted.toJson())).isEqualTo(fitted);
    }

    @Test
    void aDirectoryOrAPathUnderAFileIsNamedAsSuch() throws Exception {
        assertThatThrownBy(() -> Weights.load(dir))
                .isInstanceOf(WeightsFileException.class).hasMessageContaining("is a directory, not a file");
        Path regular = Files.writeString(dir.resolve("plain"), "x");
        assertThatThrownBy(() -> Weights.defaults().save(regular.resolve("w.json")))
                .isInstanceOf(WeightsFileException.class)
                .hasMessageContaining(regular + " is a file, not a directory");
    }
}
