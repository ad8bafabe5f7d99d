package dev.sale4j.eval.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Reads and writes suite files: JSON Lines, optionally gzip-compressed (detected by content, not by name), an
 * optional header line first, then one task per line. Writing is deterministic: tasks sorted by id, fields in a
 * fixed order, "\n" line ends, and a gzip header with no timestamp or file name.
 */
final class SuiteFiles {

    private SuiteFiles() {
    }

    static Suite read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read suite file " + file + ": " + e.getMessage(), e);
        }
    }

    static Suite read(InputStream raw, String name) throws IOException {
        PushbackInputStream in = new PushbackInputStream(raw, 2);
        byte[] magic = in.readNBytes(2);
        in.unread(magic);
        InputStream body = magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b
                ? new GZIPInputStream(in) : in;
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        SuiteInfo info = null;
        int declared = -1;
        List<BenchTask> tasks = new ArrayList<>();
        Map<String, Integer> lineOfId = new HashMap<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = TaskJson.JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw new SuiteFormatException(name, number, "not valid JSON (" + e.getOriginalMessage()
                        + "); each line must be one complete JSON object", e);
            }
            try {
                if (TaskJson.isHeader(node)) {
                    if (info != null || !tasks.isEmpty()) {
                        throw new IllegalArgumentException("a suite header may only be the first line; remove it or"
                                + " move it to the top");
                    }
                    info = TaskJson.readInfo(node);
                    declared = node.path("tasks").asInt(-1);
                    continue;
                }
                BenchTask task = TaskJson.readTask(node);
                Integer previous = lineOfId.putIfAbsent(task.id(), number);
                if (previous != null) {
                    throw new IllegalArgumentException("field 'id': duplicate task id '" + task.id()
                            + "', first used on line " + previous + "; give every task its own id");
                }
                tasks.add(task);
            } catch (IllegalArgumentException e) {
                throw new SuiteFormatException(name, number, e.getMessage(), e);
            }
        }
        if (declared >= 0 && declared != tasks.size()) {
            throw new SuiteFormatException(name, 0, "the header declares " + declared + " tasks but the file holds "
                    + tasks.size() + "; the file is truncated or edited: rebuild it", null);
        }
        if (info == null) {
            String base = name.replaceAll(".*[/\\\\]", "");
            info = SuiteInfo.userTasks(base.isEmpty() ? "tasks" : base);
        }
        return new Suite(info, tasks);
    }

    static byte[] bytes(Suite suite) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(buffer)) { // JDK header: mtime 0, no name, OS byte 0
            out.write(jsonl(suite));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    static byte[] jsonl(Suite suite) {
        StringBuilder text = new StringBuilder();
        try {
            text.append(TaskJson.JSON.writeValueAsString(TaskJson.write(suite.info(), suite.tasks().size())))
                    .append('\n');
            for (BenchTask task : suite.tasks()) {
                text.append(TaskJson.JSON.writeValueAsString(TaskJson.write(task))).append('\n');
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
