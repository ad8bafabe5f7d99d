package dev.sale4j.tools.code;

import dev.langchain4j.code.CodeExecutionEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs Python 3 code in a subprocess under the strongest isolation the host offers (see {@link IsolationLevel}),
 * in a fresh temporary directory that is removed afterwards, with the caps of {@link SandboxLimits}.
 * <p>
 * The environment is built from scratch (PATH, HOME, TMPDIR, LANG, PYTHONIOENCODING), so no variable of the JVM,
 * such as an API key, reaches the code; the interpreter runs with {@code -I} (isolated mode). Thread-safe: runs
 * are independent and may execute in parallel.
 */
public final class PythonSandbox implements CodeExecutionEngine {

    private static final Logger LOG = LoggerFactory.getLogger(PythonSandbox.class);
    private static final Map<String, IsolationLevel> DETECTED = new ConcurrentHashMap<>();
    private static final String PROBE_OUTPUT = "sale4j-sandbox-ok";

    private final Path python;
    private final SandboxLimits limits;
    private final HostSandboxSupport host;
    private final boolean dropPrivileges;
    private final Path tempRoot;
    private final IsolationLevel isolation;

    private PythonSandbox(Builder builder) {
        this.python = builder.python != null ? builder.python : defaultPython();
        if (!Files.isExecutable(python)) {
            throw new IllegalArgumentException("python executable not found or not executable: " + python
                    + "; install python3 or set PythonSandbox.builder().pythonExecutable(...)");
        }
        this.limits = builder.limits != null ? builder.limits : SandboxLimits.defaults();
        this.host = HostSandboxSupport.detect();
        this.dropPrivileges = host.canDropPrivileges();
        this.tempRoot = builder.tempRoot != null ? builder.tempRoot : Path.of(System.getProperty("java.io.tmpdir"));
        IsolationLevel detected = builder.isolation != null ? builder.isolation : strongestWorkingLevel();
        if (builder.isolation != null && !works(builder.isolation)) {
            throw new IllegalStateException("isolation " + builder.isolation + " does not work on this host " + host
                    + "; install bubblewrap/util-linux or choose a weaker level");
        }
        if (builder.minimumIsolation != null && !detected.isAtLeast(builder.minimumIsolation)) {
            throw new IllegalStateException("required isolation " + builder.minimumIsolation + " but the host only offers "
                    + detected + "; install bubblewrap (apt-get install bubblewrap) or lower minimumIsolation");
        }
        this.isolation = detected;
        LOG.debug("python sandbox: {} with {} (own uid per run: {})", python, isolation, dropPrivileges);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** @return the isolation level every run of this sandbox uses */
    public IsolationLevel isolation() {
        return isolation;
    }

    /** @return whether each run gets its own unprivileged uid (JVM is root and setpriv exists) */
    public boolean dropsPrivileges() {
        return dropPrivileges && isolation != IsolationLevel.NONE;
    }

    public SandboxLimits limits() {
        return limits;
    }

    /** Runs {@code code} and returns {@link ExecutionResult#toText()}, the form a language model reads. */
    @Override
    public String execute(String code) {
        return run(code).toText();
    }

    /** Runs {@code code} as the main script of a fresh python3 process. */
    public ExecutionResult run(String code) {
        if (code == null) {
            throw new IllegalArgumentException("code must not be null; pass the Python source to run");
        }
        return run(code, isolation);
    }

    private ExecutionResult run(String code, IsolationLevel level) {
        try (SandboxRun run = SandboxRun.open(level, host, dropPrivileges, tempRoot, limits)) {
            return execute(run, run.command(python, code), level);
        } catch (IOException e) {
            throw new UncheckedIOException("could not run python sandbox in " + tempRoot, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the sandbox ran", e);
        }
    }

    private ExecutionResult execute(SandboxRun run, SandboxCommand command, IsolationLevel level)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command.argv()).directory(command.directory().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(command.env());
        long start = System.nanoTime();
        Process process = builder.start();
        OutputCapture capture = new OutputCapture(limits.maxOutputBytes(), () -> run.kill(process));
        OutputCapture.Stream stdout = capture.start(process.getInputStream(), "stdout");
        OutputCapture.Stream stderr = capture.start(process.getErrorStream(), "stderr");
        boolean exited = process.waitFor(limits.wallTime().toMillis(), TimeUnit.MILLISECONDS);
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        if (!exited) {
            run.kill(process);
            process.waitFor(5, TimeUnit.SECONDS);
        }
        run.killRest();
        String out = stdout.text(2000);
        String err = stderr.text(2000);
        int exitCode = process.isAlive() ? -1 : process.exitValue();
        boolean timedOut = !exited && !capture.overflowed();
        return new ExecutionResult(out, err, exitCode, duration, timedOut, capture.overflowed(), level,
                run.ownUid() >= 0, run.hostUid(), run.uidInside(), run.limitScope(), run.memoryLimitHit());
    }

    /**
     * Starts {@code code} as an interactive process under this sandbox's isolation, uid and caps: stdin and stdout
     * are pipes to the caller (stdin is not {@code /dev/null}), stderr is captured under the output cap. No deadline
     * is applied here: the caller enforces its own and must close the returned process.
     */
    SandboxProcess start(String code) {
        SandboxRun run = null;
        try {
            run = SandboxRun.open(isolation, host, dropPrivileges, tempRoot, limits);
            SandboxCommand command = run.command(python, code);
            ProcessBuilder builder = new ProcessBuilder(command.argv()).directory(command.directory().toFile());
            builder.environment().clear();
            builder.environment().putAll(command.env());
            return new SandboxProcess(builder.start(), limits.maxOutputBytes(), isolation, run);
        } catch (IOException e) {
            if (run != null) {
                run.close();
            }
            throw new UncheckedIOException("could not start python sandbox in " + tempRoot, e);
        }
    }

    private IsolationLevel strongestWorkingLevel() {
        String key = python + "|" + dropPrivileges + "|" + tempRoot;
        return DETECTED.computeIfAbsent(key, k -> Stream.of(IsolationLevel.values())
                .filter(this::works).findFirst().orElse(IsolationLevel.NONE));
    }

    private boolean works(IsolationLevel level) {
        boolean available = switch (level) {
            case BUBBLEWRAP -> host.bwrap().isPresent() && host.prlimit().isPresent();
            // setpriv empties the capabilities inside; a root JVM that cannot switch uids would build the view as root
            case UNSHARE -> host.unshare().isPresent() && host.prlimit().isPresent() && host.setpriv().isPresent()
                    && (!host.root() || dropPrivileges);
            case RLIMITS -> host.prlimit().isPresent();
            case NONE -> true;
        };
        if (!available) {
            return false;
        }
        try {
            ExecutionResult probe = run("print('" + PROBE_OUTPUT + "')", level);
            boolean ok = probe.exitCode() == 0 && probe.stdout().strip().equals(PROBE_OUTPUT);
            if (!ok) {
                LOG.info("sandbox isolation {} unavailable here: exit {} {}", level, probe.exitCode(),
                        probe.stderr().strip());
            }
            return ok;
        } catch (RuntimeException e) {
            LOG.info("sandbox isolation {} unavailable here: {}", level, e.toString());
            return false;
        }
    }

    private static Path defaultPython() {
        for (String candidate : new String[] {"/usr/bin/python3", "/usr/local/bin/python3"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return Path.of("/usr/bin/python3");
    }

    /** Builder for {@link PythonSandbox}. */
    public static final class Builder {
        private Path python;
        private SandboxLimits limits;
        private IsolationLevel isolation;
        private IsolationLevel minimumIsolation;
        private Path tempRoot;

        private Builder() {
        }

        /** Defaults to /usr/bin/python3 (then /usr/local/bin/python3); it must be readable by unprivileged uids. */
        public Builder pythonExecutable(Path python) {
            this.python = python;
            return this;
        }

        public Builder limits(SandboxLimits limits) {
            this.limits = limits;
            return this;
        }

        /** Forces one level instead of detecting the strongest; building fails if it does not work here. */
        public Builder isolation(IsolationLevel isolation) {
            this.isolation = isolation;
            return this;
        }

        /** Building fails if the strongest working level is weaker than this. */
        public Builder minimumIsolation(IsolationLevel minimumIsolation) {
            this.minimumIsolation = minimumIsolation;
            return this;
        }

        /** Where per-run temporary directories are created; defaults to {@code java.io.tmpdir}. */
        public Builder tempDirectory(Path tempRoot) {
            this.tempRoot = tempRoot;
            return this;
        }

        public PythonSandbox build() {
            return new PythonSandbox(this);
        }
    }
}
