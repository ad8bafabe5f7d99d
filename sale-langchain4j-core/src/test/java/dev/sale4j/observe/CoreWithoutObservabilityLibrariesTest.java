package dev.sale4j.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Micrometer and OpenTelemetry are optional: every core class outside {@code dev.sale4j.observe} loads and
 * initialises on a class path that has neither, and the observe classes are the ones that cannot.
 */
class CoreWithoutObservabilityLibrariesTest {

    private static final Path CLASSES = Path.of("target", "classes");

    private static URLClassLoader withoutObservabilityLibraries() throws IOException {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith("micrometer-") || name.startsWith("opentelemetry-") || entry.contains("test-classes")) {
                continue;
            }
            urls.add(Path.of(entry).toUri().toURL());
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    private static List<String> coreClasses() throws IOException {
        try (Stream<Path> files = Files.walk(CLASSES)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> CLASSES.relativize(f).toString().replace(File.separatorChar, '.'))
                    .map(n -> n.substring(0, n.length() - ".class".length()))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void theCoreLoadsWithoutMicrometerAndOpenTelemetry() throws Exception {
        try (URLClassLoader loader = withoutObservabilityLibraries()) {
            assertThatThrownBy(() -> loader.loadClass("io.micrometer.core.instrument.MeterRegistry"))
                    .isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> loader.loadClass("io.opentelemetry.api.OpenTelemetry"))
                    .isInstanceOf(ClassNotFoundException.class);
            List<String> core = coreClasses().stream().filter(n -> !n.startsWith("dev.sale4j.observe.")).toList();
            assertThat(core).contains("dev.sale4j.SaleRouter", "dev.sale4j.chat.SaleChatModel",
                    "dev.sale4j.execute.ExecutionCall");
            for (String name : core) {
                // linked, not initialised: static initialisers may load native libraries (MiniLM's tokenizer) that
                // this JVM already loaded in the test's own class loader
                Class<?> type = Class.forName(name, false, loader);
                assertThat(type.getClassLoader()).as(name).isSameAs(loader);
                Arrays.asList(type.getDeclaredMethods()); // resolves every signature's types
                Arrays.asList(type.getDeclaredFields());
                Arrays.asList(type.getDeclaredConstructors());
            }
            for (String entryPoint : List.of("dev.sale4j.SaleRouter", "dev.sale4j.auction.Auction",
                    "dev.sale4j.execute.ExecutionCall", "dev.sale4j.chat.SaleChatModel",
                    "dev.sale4j.chat.SaleStreamingChatModel")) {
                assertThat(Class.forName(entryPoint, true, loader)).isNotNull();
            }
        }
    }

    @Test
    void onlyTheObserveClassesNeedTheLibraries() throws Exception {
        try (URLClassLoader loader = withoutObservabilityLibraries()) {
            for (String name : List.of("dev.sale4j.observe.SaleMetrics", "dev.sale4j.observe.SaleTracing")) {
                assertThatThrownBy(() -> Class.forName(name, true, loader).getDeclaredMethods())
                        .as(name).isInstanceOf(NoClassDefFoundError.class);
            }
        }
    }
}
