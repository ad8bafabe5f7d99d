package dev.sale4j.tools.code;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Grades many candidates two at a time (the build machines have two cores) and collects what went wrong. */
final class Batch {

    private Batch() {
    }

    /**
     * Grades every item; @return one line per item whose verdict is not {@code expectPass}, with the item's name
     * and the reason.
     */
    static <T> List<String> unexpected(List<T> items, Function<T, String> name, Function<T, TestVerdict> grade,
                                       boolean expectPass, String label) throws Exception {
        long start = System.nanoTime();
        List<String> unexpected = new ArrayList<>();
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            List<Future<TestVerdict>> verdicts = new ArrayList<>();
            for (T item : items) {
                Callable<TestVerdict> job = () -> grade.apply(item);
                verdicts.add(workers.submit(job));
            }
            for (int i = 0; i < items.size(); i++) {
                TestVerdict verdict = verdicts.get(i).get();
                if (verdict.passed() != expectPass) {
                    unexpected.add(name.apply(items.get(i)) + ": " + verdict.reason());
                }
            }
        } finally {
            workers.shutdownNow();
        }
        System.out.printf("[%s] %d/%d graded as %s in %d ms; otherwise: %s%n", label, items.size() - unexpected.size(),
                items.size(), expectPass ? "passing" : "failing", (System.nanoTime() - start) / 1_000_000, unexpected);
        return unexpected;
    }
}
