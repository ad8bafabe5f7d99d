package dev.sale4j.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;

/** One-line descriptions of call failures for traces and messages: what failed and, for I/O, why. */
public final class ErrorDescriptions {

    private ErrorDescriptions() {}

    /**
     * "RateLimitException: Rate limit reached"; for network failures, whatever wraps them, the network error:
     * "ConnectException: connection refused or host unreachable".
     */
    public static String describe(Throwable error) {
        if (error == null) {
            return "unknown error";
        }
        Throwable network = networkCause(error);
        if (network != null) {
            return name(network);
        }
        String text = name(error);
        IOException io = ioCause(error);
        if (io != null && io != error) {
            text += " [" + name(io) + "]";
        }
        return text;
    }

    private static String name(Throwable t) {
        String message = t.getMessage();
        if (message == null || message.isBlank() || message.equals(String.valueOf(t.getCause()))) {
            message = defaultMessage(t);
        }
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String defaultMessage(Throwable t) {
        if (t instanceof ConnectException) {
            return "connection refused or host unreachable";
        }
        if (t instanceof UnknownHostException) {
            return "unknown host";
        }
        if (t instanceof HttpTimeoutException) {
            return "timed out";
        }
        return t.getCause() == null ? null : t.getCause().getClass().getName();
    }

    private static Throwable networkCause(Throwable error) {
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof HttpTimeoutException || t instanceof java.net.SocketTimeoutException) {
                return t;
            }
        }
        return null;
    }

    private static IOException ioCause(Throwable error) {
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return null;
    }
}
