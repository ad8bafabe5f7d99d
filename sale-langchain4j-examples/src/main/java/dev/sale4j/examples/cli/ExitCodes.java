package dev.sale4j.examples.cli;

import dev.langchain4j.exception.NonRetriableException;
import dev.sale4j.internal.FileProblems;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import picocli.CommandLine;

/**
 * The exit codes of {@code sale}, and the one place that turns an exception escaping a command into one message
 * and its exit code: bad input (arguments, pool, weights, runs or suite files, paths that cannot be read or written,
 * and a weight fit that cannot converge: every {@link NonRetriableException}) prints one line naming the problem
 * and the fix, without a stack trace. Only a bug prints a trace.
 *
 * <table>
 * <caption>exit codes</caption>
 * <tr><td>0</td><td>done</td></tr>
 * <tr><td>1</td><td>the agent did not succeed (research: no answer; code: no code, or it fails the tests)</td></tr>
 * <tr><td>2</td><td>bad input: an option, a file it names, or a path that cannot be read or written</td></tr>
 * <tr><td>3</td><td>no agent could bid</td></tr>
 * <tr><td>4</td><td>the execution failed (research, code), or some bench tasks failed</td></tr>
 * <tr><td>70</td><td>internal error (a bug: the stack trace is printed, please report it)</td></tr>
 * </table>
 */
final class ExitCodes implements CommandLine.IExecutionExceptionHandler {

    static final int OK = 0;
    static final int NOT_DONE = 1;
    static final int BAD_INPUT = 2;
    static final int NO_BIDS = 3;
    static final int EXECUTION_FAILED = 4;
    static final int INTERNAL_ERROR = 70;

    /** Bad input found by a command itself; the message names the problem and the fix. */
    static final class BadInputException extends NonRetriableException {
        BadInputException(String message) {
            super(message);
        }
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        String problem = badInput(e);
        if (problem != null) {
            err.println(name + ": " + problem);
            err.flush();
            return BAD_INPUT;
        }
        err.println(name + ": internal error: " + e + ". This is a bug: please report it with the trace below.");
        e.printStackTrace(err);
        err.flush();
        return INTERNAL_ERROR;
    }

    /** The one-line message of a bad-input failure, or null when {@code e} is not one. */
    static String badInput(Throwable e) {
        if (e instanceof NonRetriableException || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        if (e instanceof UncheckedIOException u) {
            return u.getMessage() + ": " + FileProblems.reason(u.getCause()) + ": check the path and its permissions";
        }
        if (e instanceof FileSystemException fs) {
            return (fs.getFile() == null ? "" : fs.getFile() + ": ") + FileProblems.reason(fs)
                    + ": check the path and its permissions";
        }
        if (e instanceof IOException io) {
            return "I/O error: " + FileProblems.reason(io) + ": check the paths given and their permissions";
        }
        return null;
    }
}
