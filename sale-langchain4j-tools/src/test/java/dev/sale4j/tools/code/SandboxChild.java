package dev.sale4j.tools.code;

import java.time.Duration;

/**
 * A JVM that starts one sandboxed run whose processes carry a marker in their command line, for
 * {@link SandboxJvmDeathTest} to kill with SIGKILL. Arguments: isolation level, marker.
 */
public final class SandboxChild {

    private SandboxChild() {
    }

    public static void main(String[] args) {
        PythonSandbox sandbox = PythonSandbox.builder().isolation(IsolationLevel.valueOf(args[0]))
                .limits(SandboxLimits.builder().wallTime(Duration.ofSeconds(60)).build()).build();
        String code = """
                import os, sys, time
                sleeper = [sys.executable, '-c', 'import time; time.sleep(60)', '%1$s-py']
                for _ in range(3):
                    if os.fork() == 0:
                        os.execv(sys.executable, sleeper)
                if os.fork() == 0:            # a daemon: double fork, new session, leaves the process tree
                    os.setsid()
                    if os.fork() == 0:
                        os.execv(sys.executable, sleeper)
                    os._exit(0)
                os.execv(sys.executable, sleeper)
                """.formatted(args[1]);
        System.out.println(sandbox.run(code).toText());
    }
}
