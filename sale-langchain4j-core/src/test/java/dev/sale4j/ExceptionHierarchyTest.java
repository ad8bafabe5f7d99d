package dev.sale4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RetriableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every exception of the core says whether trying again may help: it sits under LangChain4j's two classes. */
class ExceptionHierarchyTest {

    private static List<Class<?>> mainClasses() throws IOException {
        Path root = Path.of("target", "classes");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(ExceptionHierarchyTest::load)
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ExceptionHierarchyTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyExceptionIsRetriableOrNonRetriable() throws IOException {
        List<Class<?>> exceptions = mainClasses().stream().filter(Throwable.class::isAssignableFrom).toList();

        assertThat(exceptions).extracting(Class::getSimpleName)
                .contains("NoBidsException", "EmptyBidException", "SaleExecutionException",
                        "RetriableSaleExecutionException", "MemoryFileException", "RecordedRunsException");
        assertThat(exceptions).allSatisfy(e -> assertThat(RetriableException.class.isAssignableFrom(e)
                || NonRetriableException.class.isAssignableFrom(e)).as(e.getName()).isTrue());
    }
}
