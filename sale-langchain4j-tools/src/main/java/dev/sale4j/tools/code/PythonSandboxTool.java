package dev.sale4j.tools.code;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;

/**
 * The {@link PythonSandbox} as a LangChain4j {@code @Tool}, for AiServices: the model sends a Python program and
 * reads back exit status, time, stdout and stderr.
 */
public final class PythonSandboxTool {

    private final PythonSandbox sandbox;

    public PythonSandboxTool(PythonSandbox sandbox) {
        if (sandbox == null) {
            throw new IllegalArgumentException("sandbox must not be null; build one with PythonSandbox.builder()");
        }
        this.sandbox = sandbox;
    }

    @Tool("Runs a Python 3 program in an isolated sandbox (no network, no secrets, time and memory limits) and "
            + "returns its exit status, run time, stdout and stderr. Print what you want to see.")
    public String runPython(@P("the complete Python 3 program to run") String code) {
        return sandbox.execute(code);
    }
}
