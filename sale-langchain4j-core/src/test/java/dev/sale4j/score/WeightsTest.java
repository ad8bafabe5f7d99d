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
}
