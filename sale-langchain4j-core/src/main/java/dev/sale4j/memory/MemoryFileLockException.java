package dev.sale4j.memory;

import dev.langchain4j.exception.RetriableException;

/** The memory file's lock stayed held by another process or memory for longer than the memory's lock timeout. */
public class MemoryFileLockException extends RetriableException {

    public MemoryFileLockException(String message) {
        super(message);
    }
}
