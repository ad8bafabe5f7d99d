package dev.sale4j.tools.code;

import java.time.Duration;

/** Small-capped sandboxes for tests, so runaway code stays cheap on a shared machine. */
final class Sandboxes {

    static final SandboxLimits SMALL = SandboxLimits.builder()
            .wallTime(Duration.ofSeconds(3))
            .cpuTime(Duration.ofSeconds(3))
            .memoryBytes(256L * 1024 * 1024)
            .maxProcesses(64)
            .maxOutputBytes(1024 * 1024)
            .maxFileBytes(4L * 1024 * 1024)
            .diskBytes(8L * 1024 * 1024)
            .build();

    private static volatile PythonSandbox small;

    private Sandboxes() {
    }

    static PythonSandbox small() {
        if (small == null) {
            synchronized (Sandboxes.class) {
                if (small == null) {
                    small = PythonSandbox.builder().limits(SMALL).build();
                    System.out.println("[sandbox] isolation in force: " + small.isolation()
                            + ", own uid per run: " + small.dropsPrivileges());
                }
            }
        }
        return small;
    }
}
