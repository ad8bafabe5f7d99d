package dev.sale4j.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sale4j.internal.AtomicFile;
import dev.sale4j.internal.FileProblems;
import dev.sale4j.json.SaleJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes recorded-runs JSONL files: one {@link RecordedRun} per line, blank lines ignored. Reading checks
 * every line and fails on the first problem with a {@link RecordedRunsException} naming the line and the field.
 */
public final class RecordedRuns {

    private static final ObjectWriter LINE_WRITER =
            SaleJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    private RecordedRuns() {}

    /** Reads every run of a file; an empty file, a duplicate task id or any invalid line is an error. */
    public static List<RecordedRun> read(Path file) {
        String problem = FileProblems.unreadable(file);
        if (problem != null && Files.exists(file)) {
            throw new RecordedRunsException(0, "recorded-runs file " + file + " " + problem
                    + ": pass the JSONL file of recorded runs");
        }
        List<RecordedRun> runs = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                RecordedRun run = RecordedRunParser.parse(line, number);
                Integer first = ids.putIfAbsent(run.id(), number);
                if (first != null) {
                    throw new RecordedRunsException(number, "task id '" + run.id() + "' already appeared on line "
                            + first + ": task ids must be unique within a file");
                }
                runs.add(run);
            }
        } catch (NoSuchFileException e) {
            throw new RecordedRunsException(0, "recorded-runs file " + file + " does not exist");
        } catch (IOException e) {
            throw new RecordedRunsException(0, "recorded-runs file " + file + " cannot be read: "
                    + FileProblems.reason(e) + ": check the path and its permissions");
        }
        if (runs.isEmpty()) {
            throw new RecordedRunsException(0, "recorded-runs file " + file
                    + " is empty: it needs one JSON run per line (see docs/recorded-runs.md)");
        }
        return runs;
    }

    /** Parses one line of a recorded-runs file. */
    public static RecordedRun parseLine(String json) {
        return RecordedRunParser.parse(json, 0);
    }

    /** The run as one line of JSON, without the line break. */
    public static String toLine(RecordedRun run) {
        try {
            return LINE_WRITER.writeValueAsString(run);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Could not write recorded run " + run.id(), e);
        }
    }

    /** Writes the runs to a file, replacing it atomically. */
    public static void write(Path file, List<RecordedRun> runs) {
        try {
            AtomicFile.write(file, tmp -> {
                try (var out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    for (RecordedRun run : runs) {
                        out.write(toLine(run));
                        out.write('\n');
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write recorded-runs file " + file, e);
        }
    }
}
