package dev.sale4j.memory;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Embeddings of the tasks of auctions in progress, so that one auction embeds its task once, and early: while the
 * agents bid ({@link #prefetch}, off the critical path), then used by retrieval for
 * refinement ({@link #get}) and by recording ({@link #take}, which forgets it). The same text gives the same
 * embedding, so this changes no result; an auction's embedding is never kept for later auctions. At most
 * {@value #CAPACITY} tasks are held (those of auctions that were never recorded are dropped oldest first).
 */
final class TaskEmbeddings {

    static final int CAPACITY = 64;

    private final EmbeddingModel model;
    private final Map<String, FutureTask<Embedding>> pending = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FutureTask<Embedding>> eldest) {
            return size() > CAPACITY;
        }
    };

    TaskEmbeddings(EmbeddingModel model) {
        this.model = model;
    }

    /** Embeds the task now, in the calling thread, unless it is already being embedded. */
    void prefetch(String task) {
        FutureTask<Embedding> embedding;
        synchronized (pending) {
            if (pending.containsKey(task)) {
                return;
            }
            embedding = task(task);
            pending.put(task, embedding);
        }
        embedding.run();
    }

    /** The task's embedding: the prefetched one (waiting for it if it is being computed), else computed now. */
    Embedding get(String task) {
        FutureTask<Embedding> embedding;
        synchronized (pending) {
            embedding = pending.get(task);
        }
        return embedding == null ? model.embed(task).content() : join(embedding);
    }

    /** Like {@link #get}, and forgets the task: its auction is over. */
    Embedding take(String task) {
        FutureTask<Embedding> embedding;
        synchronized (pending) {
            embedding = pending.remove(task);
        }
        return embedding == null ? model.embed(task).content() : join(embedding);
    }

    private FutureTask<Embedding> task(String task) {
        return new FutureTask<>(() -> model.embed(task).content());
    }

    private static Embedding join(FutureTask<Embedding> embedding) {
        embedding.run(); // no-op when it is running or done; runs it here when nobody started it
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return embedding.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException("The embedding model failed: " + e.getCause(), e.getCause());
                } catch (CancellationException e) {
                    throw new IllegalStateException("The task's embedding was cancelled", e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
