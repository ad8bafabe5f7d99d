package dev.sale4j.eval.bench;

import dev.sale4j.runs.RecordedRun;
import dev.sale4j.runs.RecordedRuns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only, resumable recorded-runs file: each finished task is one line, written whole and forced to disk
 * ({@code fsync}) before the next begins, so a run killed at any moment (SIGKILL included) loses no finished task.
 * Opening an existing file reads what is there; a torn last line (a write cut short) is cut off with a warning;
 * a bad line elsewhere is an error naming the line. Thread-safe.
 */
public final class RunLog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunLog.class);

    private final Path file;
    private final FileChannel channel;
    private final Map<String, RecordedRun> runs = new LinkedHashMap<>();

    private RunLog(Path file) throws IOException {
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        recover();
    }

    /** Opens (or creates) the file and reads the runs already finished. */
    public static RunLog open(Path file) {
        try {
            return new RunLog(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open recorded-runs file " + file + ": " + e.getMessage(), e);
        }
    }

    private void recover() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int lineStart = 0;
        int number = 0;
        long goodEnd = 0;
        while (lineStart < bytes.length) {
            number++;
            int end = lineStart;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            boolean complete = end < bytes.length;
            String line = new String(bytes, lineStart, end - lineStart, StandardCharsets.UTF_8);
            if (!line.isBlank()) {
                RecordedRun run;
                try {
                    run = RecordedRuns.parseLine(line);
                } catch (RuntimeException e) {
                    if (!complete) {
                        log.warn("{} line {}: a torn last line ({} bytes, the previous run was killed while writing"
                                + " it); cut off, the task runs again", file, number, end - lineStart);
                        break;
                    }
                    throw new BenchException(file + " line " + number + ": not a recorded run (" + e.getMessage()
                            + "); fix or remove the line, or write to a new --out file");
                }
                if (runs.putIfAbsent(run.id(), run) != null) {
                    throw new BenchException(file + " line " + number + ": task id '" + run.id()
                            + "' is recorded twice; remove one of the lines");
                }
            }
            if (!complete) { // a whole run without its newline: keep it, end the line
                goodEnd = bytes.length;
                channel.truncate(goodEnd);
                channel.write(ByteBuffer.wrap(new byte[] {'\n'}), goodEnd);
                goodEnd++;
                channel.force(true);
                break;
            }
            goodEnd = end + 1;
            lineStart = end + 1;
        }
        if (goodEnd < channel.size()) {
            channel.truncate(goodEnd);
            channel.force(true);
        }
        channel.position(channel.size());
    }

    public Path file() {
        return file;
    }

    /** @return whether the task id is already recorded */
    public synchronized boolean contains(String id) {
        return runs.containsKey(id);
    }

    /** @return every run recorded so far, in file order */
    public synchronized List<RecordedRun> runs() {
        return Collections.unmodifiableList(new ArrayList<>(runs.values()));
    }

    /** Appends one run as one line and forces it to disk before returning. */
    public synchronized void append(RecordedRun run) {
        if (runs.containsKey(run.id())) {
            throw new IllegalStateException("task id '" + run.id() + "' is already recorded in " + file);
        }
        ByteBuffer line = ByteBuffer.wrap((RecordedRuns.toLine(run) + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            while (line.hasRemaining()) {
                channel.write(line);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
        runs.put(run.id(), run);
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
