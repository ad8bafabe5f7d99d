package dev.sale4j.examples.cli;

import dev.sale4j.bid.BidFailure;
import dev.sale4j.examples.config.AgentConfig;
import dev.sale4j.examples.config.PoolConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What to tell the user when backends fail: each failure is classified (unreachable, timeout, refused key, rate
 * limit, server error, missing model) and gets the fix that fits it, naming the setting to change; the Ollama hint
 * appears only for unreachable Ollama agents, and {@code --config} only when a backend is unreachable.
 */
final class FailureAdvice {

    /** Kinds of backend failure, each with its own fix. */
    enum Cause { UNREACHABLE, TIMEOUT, UNAUTHORIZED, RATE_LIMITED, SERVER_ERROR, MODEL_MISSING, OTHER }

    private final PoolConfig pool;
    private final Path poolFile;
    private final Duration bidTimeout;
    private final Duration callTimeout;

    FailureAdvice(PoolConfig pool, Path poolFile, Duration bidTimeout, Duration callTimeout) {
        this.pool = pool;
        this.poolFile = poolFile;
        this.bidTimeout = bidTimeout;
        this.callTimeout = callTimeout;
    }

    /** Classifies a bid failure by its kind and the exception type its reason starts with. */
    static Cause classify(BidFailure.Kind kind, String reason) {
        if (kind == BidFailure.Kind.TIMEOUT) {
            return Cause.TIMEOUT;
        }
        String r = reason == null ? "" : reason;
        if (startsWithAny(r, "ConnectException", "UnknownHostException", "NoRouteToHostException",
                "UnresolvedAddressException", "ClosedChannelException")) {
            return Cause.UNREACHABLE;
        }
        if (startsWithAny(r, "TimeoutException", "HttpTimeoutException", "SocketTimeoutException",
                "HttpConnectTimeoutException")) {
            return Cause.TIMEOUT;
        }
        if (startsWithAny(r, "AuthenticationException")) {
            return Cause.UNAUTHORIZED;
        }
        if (startsWithAny(r, "RateLimitException")) {
            return Cause.RATE_LIMITED;
        }
        if (startsWithAny(r, "InternalServerException")) {
            return Cause.SERVER_ERROR;
        }
        if (startsWithAny(r, "ModelNotFoundException")) {
            return Cause.MODEL_MISSING;
        }
        return Cause.OTHER;
    }

    /** Classifies an execution error by the first known exception type in its cause chain. */
    static Cause classify(Throwable error) {
        return classify(null, reason(error));
    }

    /** "Type: message" of the most telling exception in the chain (a network or HTTP error when there is one). */
    static String reason(Throwable error) {
        Throwable best = error;
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (classify(null, line(t)) != Cause.OTHER) {
                best = t;
                break;
            }
        }
        return best == null ? "unknown error" : line(best);
    }

    private static String line(Throwable t) {
        String message = t.getMessage();
        if (t instanceof java.net.ConnectException && (message == null || message.isBlank())) {
            message = "connection refused or host unreachable";
        }
        return t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    /** Prints every bid failure with its fix, then the fixes that concern several agents at once. */
    void printNoBids(String command, List<BidFailure> failures, PrintWriter err) {
        err.println(command + ": no agent could place a bid, so there is no winner. Tried:");
        Set<String> unreachableOllama = new LinkedHashSet<>();
        boolean unreachable = false;
        for (BidFailure f : failures) {
            AgentConfig agent = agent(f.agent());
            Cause cause = classify(f.kind(), f.reason());
            err.println("  " + (agent == null ? f.agent() : agent.describe()) + ": " + f.reason());
            err.println("    fix: " + fix(cause, agent, f.reason()));
            if (cause == Cause.UNREACHABLE) {
                unreachable = true;
                if (agent != null && isOllama(agent)) {
                    unreachableOllama.add(agent.model());
                }
            }
        }
        if (!unreachableOllama.isEmpty()) {
            err.println("How to fix: start Ollama ('ollama serve') and pull the models ("
                    + String.join(", ", unreachableOllama.stream().map(m -> "'ollama pull " + m + "'").toList())
                    + "), or pass --config with a pool of reachable backends (see README).");
        } else if (unreachable) {
            err.println("How to fix: start the servers named above, or pass --config with a pool of reachable "
                    + "backends (see README).");
        }
        err.flush();
    }

    /** Prints why the executing agent failed and the fix. */
    void printExecutionFailure(String command, String agentName, Throwable error, PrintWriter err) {
        AgentConfig agent = agent(agentName);
        String reason = reason(error);
        Cause cause = classify(error);
        err.println(command + ": the task could not be executed: agent "
                + (agent == null ? "'" + agentName + "'" : agent.describe()) + " failed: " + reason);
        err.println("  fix: " + (cause == Cause.TIMEOUT
                ? "it did not answer within the call timeout (" + seconds(callTimeout) + "): raise --timeout SECONDS"
                : fix(cause, agent, reason)));
        err.flush();
    }

    String fix(Cause cause, AgentConfig agent, String reason) {
        String name = agent == null ? "this agent" : agent.name();
        return switch (cause) {
            case UNREACHABLE -> agent != null && isOllama(agent)
                    ? "nothing answers at " + agent.baseUrl() + ": start Ollama there ('ollama serve')"
                    : "nothing answers at " + (agent == null ? "its baseUrl" : agent.baseUrl())
                            + ": start that server, or correct its baseUrl in " + where();
            case TIMEOUT -> "no answer within bidTimeout (" + seconds(bidTimeout) + "): raise bidTimeout in "
                    + (poolFile == null || pool.bidTimeout() == null
                            ? "a pool file (or --timeout SECONDS)" : poolFile) + ", e.g. bidTimeout: "
                    + Math.max(2, 2 * bidTimeout.toSeconds()) + "s";
            case UNAUTHORIZED -> agent == null || agent.apiKeyEnv() == null || agent.apiKeyEnv().isBlank()
                    ? "the server refused the request as unauthorised (401) and " + name + " sends no key: set "
                            + "apiKeyEnv of " + name + " to the variable that holds the key"
                    : "the server refused the key in $" + agent.apiKeyEnv() + " (apiKeyEnv of " + name
                            + ", 401): export a valid key in " + agent.apiKeyEnv();
            case RATE_LIMITED -> "the backend is rate-limiting " + name + " (429); its answer: " + answer(reason)
                    + ". Wait and retry, or raise the quota";
            case SERVER_ERROR -> "the backend failed with a server error (5xx); its answer: " + answer(reason)
                    + ". Check that server";
            case MODEL_MISSING -> agent != null && isOllama(agent)
                    ? "the model is not on that server: 'ollama pull " + agent.model() + "'"
                    : "the server does not know the model" + (agent == null ? "" : " '" + agent.model() + "'")
                            + ": correct model in " + where();
            case OTHER -> "see the error above; check " + name + "'s entry in " + where();
        };
    }

    private String where() {
        return poolFile == null ? "a pool file passed with --config" : poolFile.toString();
    }

    private static String answer(String reason) {
        int colon = reason.indexOf(": ");
        return colon < 0 ? reason : reason.substring(colon + 2);
    }

    private AgentConfig agent(String name) {
        return pool.agents().stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
    }

    private static boolean isOllama(AgentConfig agent) {
        return "ollama".equalsIgnoreCase(agent.provider().strip());
    }

    private static String seconds(Duration d) {
        return (d.toMillis() % 1000 == 0 ? String.valueOf(d.toSeconds()) : String.valueOf(d.toMillis() / 1000.0)) + "s";
    }

    private static boolean startsWithAny(String text, String... prefixes) {
        for (String p : prefixes) {
            if (text.startsWith(p + ":") || text.equals(p) || text.startsWith(p + " ")) {
                return true;
            }
        }
        return false;
    }
}
