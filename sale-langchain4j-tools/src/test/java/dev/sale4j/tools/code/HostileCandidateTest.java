package dev.sale4j.tools.code;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Candidates that try to game the grader instead of solving the task. The task is an oracle: {@code secret(n)} must
 * return numbers drawn at random for this test run, so the only way to pass is to learn the tests' expected values or
 * to forge the verdict. Each candidate below tries one way; every one must be graded as failing. A control candidate
 * that is told the values passes, so the failures are the grader's doing, not a broken task. Run at each isolation
 * level the grader is meant for (subclasses); a level the host cannot offer fails the build instead of being skipped.
 */
abstract class HostileCandidateTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    // drawn afresh for every test, and never printed (see report): at UNSHARE the candidate can read the host's
    // world-readable files, build logs included
    private final long r1 = 1_000_000 + RANDOM.nextInt(8_000_000);
    private final long r2 = 1_000_000 + RANDOM.nextInt(8_000_000);
    private final List<String> oracle = List.of("assert secret(1) == " + r1, "assert secret(2) == " + r2);
    private final String check = "def check(candidate):\n    assert candidate(1) == " + r1 + "\n"
            + "    assert candidate(2) == " + r2 + "\n";

    /** Looks for the expected values anywhere it can: memory, frames, its own script, files, other processes. */
    private static final String HUNT = """
            import gc, os, re, sys, time
            _PAT = re.compile(r"secret\\((\\d)\\) == (\\d+)|candidate\\((\\d)\\) == (\\d+)")
            def _scan(text, found):
                for m in _PAT.finditer(text):
                    found[int(m.group(1) or m.group(3))] = int(m.group(2) or m.group(4))
            def _hunt():
                found, t0 = {}, time.time()
                for o in gc.get_objects():
                    if isinstance(o, (str, bytes)):
                        _scan(o if isinstance(o, str) else o.decode('latin-1'), found)
                    elif isinstance(o, dict):
                        for v in list(o.values()):
                            if isinstance(v, str):
                                _scan(v, found)
                f = sys._getframe()
                while f is not None:
                    for v in list(f.f_locals.values()) + list(f.f_globals.values()):
                        _scan(repr(v)[:100000], found)
                    f = f.f_back
                paths = [sys.argv[0], os.getcwd(), '..', '/tmp', '/sandbox', '/work/shared/data/mbpp']
                for pid in os.listdir('/proc'):
                    if pid.isdigit():
                        for part in ('cmdline', 'environ', 'cwd', 'fd', 'root/tmp'):
                            paths.append('/proc/%s/%s' % (pid, part))
                while paths and time.time() - t0 < 1.0:
                    p = paths.pop()
                    try:
                        if os.path.isdir(p):
                            paths.extend(os.path.join(p, n) for n in os.listdir(p)[:200])
                        else:
                            with open(p, 'rb') as fh:
                                _scan(fh.read(1 << 20).decode('latin-1'), found)
                    except Exception:
                        pass
                return found
            """;

    private final PythonSandbox sandbox = PythonSandbox.builder().limits(Sandboxes.SMALL).isolation(level()).build();
    private final TestRunner runner = TestRunner.builder().sandbox(sandbox).testTimeout(Duration.ofMillis(2500)).build();

    /** @return the isolation level both grader processes run at */
    abstract IsolationLevel level();

    @Test
    void controlCandidateThatKnowsTheAnswersPasses() {
        TestVerdict verdict = runner.gradeAsserts("def secret(n):\n    return {1: " + r1 + ", 2: " + r2 + "}[n]\n",
                oracle);

        assertThat(verdict.passed()).as(verdict.reason()).isTrue();
    }

    @Test
    void objectWhoseEqualityIsAlwaysTrueFails() {
        failing("eq always true", """
                class Yes:
                    def __eq__(self, other): return True
                    def __ne__(self, other): return False
                    def __hash__(self): return 0
                def secret(n): return Yes()
                """);
    }

    @Test
    void subclassesOfIntStrAndListWithTheirOwnEqualityFail() {
        failing("int subclass", "class I(int):\n    def __eq__(s, o): return True\ndef secret(n): return I(0)\n");
        failing("str subclass", "class S(str):\n    def __eq__(s, o): return True\ndef secret(n): return S('x')\n");
        failing("list subclass", "class L(list):\n    def __eq__(s, o): return True\ndef secret(n): return L()\n");
    }

    @Test
    void boolForIntAndTupleForListFail() {
        TestVerdict bool = runner.gradeAsserts("def f():\n    return True\n", List.of("assert f() == 1"));
        TestVerdict tuple = runner.gradeAsserts("def f():\n    return (1, 2)\n", List.of("assert f() == [1, 2]"));
        TestVerdict frozen = runner.gradeAsserts("def f():\n    return frozenset({1})\n", List.of("assert f() == {1}"));

        assertThat(bool.passed()).as(bool.reason()).isFalse();
        assertThat(tuple.passed()).as(tuple.reason()).isFalse();
        assertThat(frozen.passed()).as(frozen.reason()).isFalse();
        assertThat(runner.gradeAsserts("def f():\n    return 1.0\n", List.of("assert f() == 1")).passed())
                .as("ints and floats compare by value, as Python's == does").isTrue();
        report("bool for int / tuple for list / frozenset for set", bool);
    }

    @Test
    void patchedBuiltinsExecAndCompileFail() {
        failing("patched builtins", """
                import builtins
                builtins.exec = lambda *a, **k: None
                builtins.compile = lambda *a, **k: compile('pass', '<x>', 'exec')
                builtins.AssertionError = type('Nope', (BaseException,), {})
                builtins.isinstance = lambda *a: True
                def secret(n): return -1
                """);
    }

    @Test
    void patchedJsonAndStructFail() {
        failing("patched json", """
                import json, struct
                json.dumps = lambda *a, **k: '{"op":"verdict","passed":true,"reason":"forged"}'
                json.loads = lambda *a, **k: {"op": "result", "id": 1, "value": ["b", True]}
                struct.pack = lambda *a: b'\\x00\\x00\\x00\\x01'
                def secret(n): return -1
                """);
    }

    @Test
    void forgedVerdictLinesAndFramesOnStdoutAndStderrFail() {
        failing("forged verdict output", """
                import os, struct, sys
                body = b'{"op":"verdict","passed":true,"reason":"forged"}'
                for fd in (1, 2):
                    os.write(fd, struct.pack('>I', len(body)) + body)
                print('\\nSALE4J-VERDICT-0 {"verdict": "pass", "reason": "x"}')
                print('all 2 tests passed', file=sys.stderr)
                def secret(n):
                    os.write(1, struct.pack('>I', len(body)) + body)
                    return -1
                """);
    }

    @Test
    void readingTheNonceOrSpecFromMainOrTheScriptFails() {
        failing("nonce from __main__ and the script", HUNT + """
                import sys
                main = sys.modules['__main__']
                SPEC = {k: v for k, v in vars(main).items() if 'SPEC' in k or 'nonce' in k.lower()}
                SCRIPT = open(sys.argv[0]).read()
                def secret(n): return _hunt().get(n, -1)
                """);
    }

    @Test
    void rewrittenStdoutFails() {
        failing("rewritten stdout", """
                import sys, io
                class Forge(io.TextIOBase):
                    def write(self, s):
                        return sys.__stderr__.write(s.replace('fail', 'pass'))
                sys.stdout = sys.__stdout__ = Forge()
                def secret(n):
                    print('test 1 of 2 failed')
                    return -1
                """);
    }

    @Test
    void clearingTheTestListFromInsideFails() {
        failing("clearing tests", """
                import gc, sys
                def _clear():
                    for o in gc.get_objects():
                        if isinstance(o, list) and any(isinstance(x, str) and 'assert' in x for x in o):
                            o.clear()
                        if isinstance(o, dict) and ('asserts' in o or 'tests' in o):
                            o.clear()
                _clear()
                def secret(n):
                    _clear()
                    return -1
                """);
    }

    @Test
    void readingTheTestsOffDiskOrFromOtherProcessesFails() {
        failing("tests off disk and /proc", HUNT + "def secret(n): return _hunt().get(n, -1)\n");
    }

    @Test
    void walkingCallerFramesAndGcForExpectedValuesFails() {
        failing("caller frames and gc", HUNT + """
                import gc, sys
                def secret(n):
                    for o in gc.get_objects():
                        if isinstance(o, int) and not isinstance(o, bool) and 1000000 <= o < 9000000:
                            return o
                    f = sys._getframe(1)
                    return f.f_locals.get('expected', _hunt().get(n, -1))
                """);
    }

    @Test
    void hiddenCheckFunctionCannotBeFoundByTheCandidate() {
        TestVerdict verdict = runner.gradeCheck("", HUNT + "def secret(n): return _hunt().get(n, -1)\n", check,
                "secret");

        assertThat(verdict.passed()).as(verdict.reason()).isFalse();
        report("check(candidate) hunted", verdict);
    }

    @Test
    void sysExitOrOsExitMidTestFails() {
        failing("sys.exit(0) in a call", "import sys\ndef secret(n): sys.exit(0)\n");
        TestVerdict exit = failing("os._exit(0) in a call", "import os\ndef secret(n): os._exit(0)\n");
        assertThat(exit.reason()).isEqualTo("test 1 of 2: the candidate process ended (exit status 0): "
                + oracle.get(0));
    }

    @Test
    void killingTheParentOrEveryProcessFails() {
        failing("kill parent", "import os, signal\ndef secret(n):\n    os.kill(os.getppid(), signal.SIGKILL)\n"
                + "    return -1\n");
        failing("kill everything", """
                import os, signal
                def secret(n):
                    for pid in [int(p) for p in os.listdir('/proc') if p.isdigit()] + [-1]:
                        try:
                            os.kill(pid, signal.SIGKILL)
                        except Exception:
                            pass
                    return -1
                """);
    }

    @Test
    void writingForgedFramesToTheProtocolFdFails() {
        failing("write to protocol fd", """
                import os, struct
                def frame(s):
                    b = s.encode()
                    return struct.pack('>I', len(b)) + b
                def secret(n):
                    for fd in range(3, 64):
                        for s in ('{"op":"verdict","passed":true,"reason":"forged"}',
                                  '{"op":"result","id":%d,"value":["i","0x1"],"nodes":[]}' % n):
                            try:
                                os.write(fd, frame(s))
                            except OSError:
                                pass
                    return -1
                """);
    }

    @Test
    void oversizedOrDeeplyNestedRepliesFail() {
        failing("deeply nested reply", """
                import os, struct
                def secret(n):
                    body = ('{"op":"result","id":%d,"value":' % n + '["l",[' * 100000 + ']]' * 100000 + '}').encode()
                    for fd in range(3, 10):
                        try:
                            os.write(fd, struct.pack('>I', len(body)) + body)
                        except OSError:
                            pass
                    os._exit(0)
                """);
        failing("oversized frame header", """
                import os
                def secret(n):
                    for fd in range(3, 10):
                        try:
                            os.write(fd, b'\\x7f\\xff\\xff\\xff')
                        except OSError:
                            pass
                    os._exit(0)
                """);
    }

    @Test
    void raisingBaseExceptionOrKeyboardInterruptFails() {
        failing("KeyboardInterrupt", "def secret(n): raise KeyboardInterrupt\n");
        failing("BaseException subclass", "class Out(BaseException): pass\ndef secret(n): raise Out('pass')\n");
        failing("StopIteration", "def secret(n): raise StopIteration\n");
    }

    @Test
    void shadowingBuiltinsTheTestsUseFails() {
        TestVerdict verdict = runner.gradeAsserts("abs = lambda x: 0\nlen = lambda x: 2\ndef area(r):\n    return 0\n",
                List.of("assert abs(area(2) - 12.566) < 0.01", "assert len([area(1), area(2)]) == 2"));

        assertThat(verdict.passed()).as(verdict.reason()).isFalse();
        assertThat(verdict.reason()).startsWith("test 1 of 2 failed");
        report("shadowing abs and len", verdict);
    }

    @Test
    void stopIterationThatWouldEndAMapEarlyFails() {
        TestVerdict verdict = runner.gradeAsserts("def secret(n):\n    raise StopIteration\n",
                List.of("assert all(map(lambda n: secret(n) == {1: " + r1 + ", 2: " + r2 + "}[n], [1, 2]))"));

        assertThat(verdict.passed()).as(verdict.reason()).isFalse();
        report("StopIteration inside all(map(...))", verdict);
    }

    @Test
    void infiniteLoopFailsAtThePerTestDeadline() {
        TestRunner quick = TestRunner.builder().sandbox(sandbox).testTimeout(Duration.ofSeconds(1)).build();
        TestVerdict verdict = quick.gradeAsserts("def secret(n):\n    while True: pass\n", oracle);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.reason()).isEqualTo("test 1 of 2: timed out after 1000 ms: " + oracle.get(0));
        report("infinite loop", verdict);
    }

    @Test
    void hugeOutputIsStoppedAndFails() {
        TestVerdict verdict = failing("huge output", "def secret(n):\n    while True: print('x' * 100000)\n");
        assertThat(verdict.reason()).contains("output exceeded");
        assertThat(verdict.execution().outputTruncated()).isTrue();
    }

    @Test
    void returningGeneratorsOrLazyObjectsFails() {
        failing("generator", "def secret(n):\n    yield " + r1 + "\n");
        TestVerdict lazy = runner.gradeAsserts("""
                class Lazy:
                    def __iter__(self): return iter([1, 2])
                    def __eq__(self, other): return True
                def f(): return Lazy()
                """, List.of("assert f() == [1, 2]"));
        assertThat(lazy.passed()).as(lazy.reason()).isFalse();
        TestVerdict listed = runner.gradeAsserts("def f():\n    return (x for x in [1, 2])\n",
                List.of("assert list(f()) == [1, 2]"));
        assertThat(listed.passed()).as("a generator still iterates through its handle: " + listed.reason()).isTrue();
        report("lazy object", lazy);
    }

    @Test
    void recursionBombsFail() {
        failing("recursion bomb", "import sys\nsys.setrecursionlimit(10 ** 8)\n"
                + "def secret(n): return secret(n + 1)\n");
        failing("deep result", "def secret(n):\n    x = []\n    for _ in range(100000): x = [x]\n    return x\n");
    }

    @Test
    void signalHandlersAndAlarmsFail() {
        failing("signal handlers", """
                import signal, os
                for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGALRM, signal.SIGPIPE):
                    signal.signal(s, signal.SIG_IGN)
                signal.alarm(1)
                def secret(n):
                    while True: pass
                """);
    }

    @Test
    void atexitHooksFail() {
        failing("atexit", """
                import atexit, os, struct, sys
                body = b'{"op":"verdict","passed":true,"reason":"forged"}'
                atexit.register(lambda: [os.write(fd, struct.pack('>I', len(body)) + body) for fd in (1, 3, 4)])
                def secret(n): sys.exit(0)
                """);
    }

    @Test
    void backgroundThreadsThatForgeRepliesFail() {
        failing("background thread", """
                import os, struct, threading, time
                def spam():
                    b = b'{"op":"result","id":1,"value":["i","0x1"],"nodes":[]}'
                    while True:
                        for fd in range(3, 10):
                            try:
                                os.write(fd, struct.pack('>I', len(b)) + b)
                            except OSError:
                                pass
                        time.sleep(0.001)
                threading.Thread(target=spam, daemon=True).start()
                def secret(n):
                    time.sleep(0.05)
                    return -1
                """);
    }

    @Test
    void plantingModulesForTheTestProcessFails() {
        failing("planted modules", """
                import os
                code = 'import os\\nos._exit(0)\\n'
                for d in ('.', '/tmp', os.path.expanduser('~')):
                    for name in ('sitecustomize.py', 'usercustomize.py', 'json.py', 'ast.py', 'operator.py'):
                        try:
                            with open(os.path.join(d, name), 'w') as f:
                                f.write(code)
                        except OSError:
                            pass
                def secret(n): return -1
                """);
    }

    @Test
    void designStyleClassReturningForgedObjectsFails() {
        String tests = "def check(candidate):\n    c = Counter(2)\n    c.put(1, 1)\n    assert c.get(1) == " + r1
                + "\n    assert c.size() == 1\n";
        TestVerdict honest = runner.gradeCheck("", "class Counter:\n    def __init__(self, n): self.d = {}\n"
                + "    def put(self, k, v): self.d[k] = " + r1 + "\n    def get(self, k): return self.d[k]\n"
                + "    def size(self): return len(self.d)\n", tests, "Counter");
        TestVerdict forged = runner.gradeCheck("", "class Yes:\n    def __eq__(self, o): return True\n"
                + "class Counter:\n    def __init__(self, n): pass\n    def put(self, k, v): pass\n"
                + "    def get(self, k): return Yes()\n    def size(self): return Yes()\n", tests, "Counter");

        assertThat(honest.passed()).as(honest.reason()).isTrue();
        assertThat(forged.passed()).as(forged.reason()).isFalse();
        report("design class with forged objects", forged);
    }

    private TestVerdict failing(String what, String candidate) {
        TestVerdict verdict = runner.gradeAsserts(candidate, oracle);
        assertThat(verdict.passed()).as(what + ": " + masked(verdict.reason())).isFalse();
        report(what, verdict);
        return verdict;
    }

    private void report(String what, TestVerdict verdict) {
        System.out.printf("[hostile %s] %s -> %s: %s%n", level(), what, verdict.passed() ? "PASSED" : "failed",
                masked(verdict.reason()));
    }

    private String masked(String text) {
        return text.replace(String.valueOf(r1), "R1").replace(String.valueOf(r2), "R2");
    }
}
