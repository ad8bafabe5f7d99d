package dev.sale4j.tools.code;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The JVM's end of one grader process's protocol pipes: frames are a 4-byte big-endian length and that many bytes of
 * JSON. Frames read from the process are put on a shared queue by a daemon thread (ending with an end-of-stream
 * event); frames to the process are written by another daemon thread, so a process that stops reading never blocks
 * the caller.
 */
final class FrameChannel implements AutoCloseable {

    /** Largest frame either side may send; the python side uses the same cap. */
    static final int MAX_FRAME = 16 * 1024 * 1024;

    /** One frame (or the end of the stream, {@code frame == null}) from one side. */
    record Event(String side, byte[] frame, String problem) {
        boolean ended() {
            return frame == null;
        }
    }

    private final String side;
    private final OutputStream out;
    private final ExecutorService writer;
    private final AtomicBoolean closed = new AtomicBoolean();

    FrameChannel(String side, InputStream in, OutputStream out, BlockingQueue<Event> events) {
        this.side = side;
        this.out = out;
        this.writer = Executors.newSingleThreadExecutor(r -> daemon(r, "grader-" + side + "-writer"));
        daemon(() -> read(new DataInputStream(in), events), "grader-" + side + "-reader").start();
    }

    /** Queues {@code frame} for writing; a failure (the process has gone) is ignored: its reader reports the end. */
    void send(byte[] frame) {
        if (closed.get()) {
            return;
        }
        writer.execute(() -> {
            try {
                out.write(ByteBuffer.allocate(4).putInt(frame.length).array());
                out.write(frame);
                out.flush();
            } catch (IOException gone) {
                // the process ended; its reader thread reports that
            }
        });
    }

    /** Closes the process's stdin once queued frames are written. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        writer.execute(() -> {
            try {
                out.close();
            } catch (IOException ignored) {
                // already gone
            }
        });
        writer.shutdown();
    }

    private void read(DataInputStream in, BlockingQueue<Event> events) {
        String problem = null;
        try (in) {
            while (true) {
                int length = in.readInt();
                if (length < 0 || length > MAX_FRAME) {
                    problem = "sent a frame of " + Integer.toUnsignedString(length) + " bytes (at most " + MAX_FRAME
                            + ")";
                    break;
                }
                byte[] frame = new byte[length];
                in.readFully(frame);
                events.add(new Event(side, frame, null));
            }
        } catch (IOException end) {
            // end of stream, a frame cut short by the process's end, or the stream closed when the process was killed
        }
        events.add(new Event(side, null, problem));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
