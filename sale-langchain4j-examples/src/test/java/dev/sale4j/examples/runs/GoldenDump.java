package dev.sale4j.examples.runs;

/** Prints the {@link SimulationGoldenTest} fingerprint for any number of tasks: {@code GoldenDump [tasks]}. */
final class GoldenDump {

    private GoldenDump() {}

    public static void main(String[] args) {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        long t0 = System.nanoTime();
        String f = SimulationGoldenTest.fingerprint(SimulationGoldenTest.simulate(tasks));
        System.err.printf("simulated %d tasks in %.2f s%n", tasks, (System.nanoTime() - t0) / 1e9);
        System.out.print(f);
    }
}
