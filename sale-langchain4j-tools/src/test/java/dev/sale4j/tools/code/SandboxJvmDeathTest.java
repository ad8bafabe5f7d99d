package dev.sale4j.tools.code;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Nothing of a run outlives its JVM: a child JVM starts a run of five processes and is killed with SIGKILL. */
class SandboxJvmDeathTest {

    @ParameterizedTest
    @MethodSource("dev.sale4j.tools.code.SandboxLevels#isolated")
    void processesOfARunDieWhenItsJvmIsKilled(IsolationLevel level) throws Exception {
        SandboxLevels.at(level); // fails naming the level if the host lacks it
        String tag = "sale4j-orphan-" + UUID.randomUUID();
        String marker = tag + "-py"; // the sandboxed processes' mark; the child JVM's command line has only the tag
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process jvm = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SandboxChild.class.getName(), level.name(), tag).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long seen = waitFor(() -> SandboxLevels.processesWith(marker) >= 5, 30_000);
            assertThat(SandboxLevels.processesWith(marker)).as("the run's five processes started").isEqualTo(5);

            jvm.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
            assertThat(jvm.waitFor(10, TimeUnit.SECONDS)).isTrue();
            waitFor(() -> SandboxLevels.processesWith(marker) == 0, 5_000);
            if (level == IsolationLevel.RLIMITS && SandboxLevels.processesWith(marker) > 0) {
                // no PID namespace: forked children outlive the JVM until the next sandbox sweeps the run's cgroup
                assertThat(RunCgroup.host(true)).as("without a cgroup nothing could reap them").isPresent();
                System.out.println("[sandbox] RLIMITS: " + SandboxLevels.processesWith(marker)
                        + " children outlived the SIGKILLed JVM; sweeping its cgroup");
                RunCgroup.sweepStale(RunCgroup.host(true).orElseThrow());
                waitFor(() -> SandboxLevels.processesWith(marker) == 0, 5_000);
            }
            assertThat(SandboxLevels.processesWith(marker)).as("processes of the run left after %d ms", seen).isZero();
        } finally {
            jvm.destroyForcibly();
        }
    }

    private static long waitFor(java.util.function.BooleanSupplier condition, long millis) throws InterruptedException {
        long start = System.currentTimeMillis();
        while (!condition.getAsBoolean() && System.currentTimeMillis() - start < millis) {
            Thread.sleep(50);
        }
        return System.currentTimeMillis() - start;
    }
}
