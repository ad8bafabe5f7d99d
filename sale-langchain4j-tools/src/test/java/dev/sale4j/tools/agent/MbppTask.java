package dev.sale4j.tools.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sale4j.tools.SharedData;
import dev.sale4j.tools.code.PythonSandbox;
import dev.sale4j.tools.code.SandboxLimits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One real MBPP task (sanitized set in shared/data): its prompt, reference solution and tests. */
record MbppTask(int id, String prompt, String reference, List<String> tests) {

    static MbppTask load(int id) {
        try {
            JsonNode all = new ObjectMapper().readTree(SharedData.path("mbpp/sanitized-mbpp.json").toFile());
            for (JsonNode task : all) {
                if (task.get("task_id").asInt() == id) {
                    List<String> tests = new ArrayList<>();
                    task.get("test_list").forEach(t -> tests.add(t.asText()));
                    return new MbppTask(id, task.get("prompt").asText(), task.get("code").asText(), tests);
                }
            }
            throw new IllegalArgumentException("no MBPP task " + id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the task as a user would give it: the prompt and its first test as the example */
    String withExample() {
        return prompt + "\nExample: " + tests.get(0);
    }

    /** @return the tests the agent never saw */
    List<String> hiddenTests() {
        return tests.subList(1, tests.size());
    }

    /** A sandbox with small caps, so runaway code stays cheap on a shared machine. */
    static PythonSandbox smallSandbox() {
        return PythonSandbox.builder().limits(SandboxLimits.builder().wallTime(Duration.ofSeconds(5))
                .cpuTime(Duration.ofSeconds(5)).memoryBytes(256L * 1024 * 1024).maxOutputBytes(64 * 1024)
                .build()).build();
    }
}
