package dev.sale4j;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The core's floors, bottom first: a package may use only packages on lower floors, so data flows one way and no two
 * packages import each other. Read from the compiled main classes (every use counts, not only import lines).
 */
class LayoutTest {

    /** Floors from the ground up; packages on one floor do not use each other. */
    static final List<List<String>> FLOORS = List.of(
            List.of("internal", "json", "backend"),
            List.of("pool"),
            List.of("entropy"),
            List.of("bid"),
            List.of("jury"),
            List.of("score"),
            List.of("memory"),
            List.of("refine"),
            List.of("auction"),
            List.of("execute", "runs"),
            List.of("fit"),
            List.of("", "simulate"),
            List.of("chat"),
            List.of("observe"));

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(Path.of("target", "classes"));

    private static String pkg(String name) {
        return name.isEmpty() ? "dev.sale4j" : "dev.sale4j." + name;
    }

    @Test
    void everyPackageOfTheCoreHasAFloor() {
        assertThat(CORE.contain(SaleRouter.class)).as("the main classes are read from target/classes").isTrue();
        List<String> floored = FLOORS.stream().flatMap(List::stream).map(LayoutTest::pkg).toList();
        assertThat(CORE.stream().map(c -> c.getPackageName()).collect(Collectors.toSet()))
                .as("a new package needs its floor in LayoutTest.FLOORS")
                .isSubsetOf(floored);
    }

    @Test
    void noTwoPackagesUseEachOther() {
        slices().matching("dev.sale4j.(*)..").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void eachPackageUsesOnlyTheFloorsBelowIt() {
        for (int floor = 0; floor < FLOORS.size(); floor++) {
            List<String> notBelow = new ArrayList<>();
            for (int other = floor; other < FLOORS.size(); other++) {
                FLOORS.get(other).forEach(p -> notBelow.add(pkg(p)));
            }
            for (String own : FLOORS.get(floor)) {
                String[] forbidden = notBelow.stream().filter(p -> !p.equals(pkg(own))).toArray(String[]::new);
                noClasses().that().resideInAPackage(pkg(own))
                        .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                        .because("floor " + (floor + 1) + " (" + pkg(own) + ") may use only lower floors")
                        .check(CORE);
            }
        }
    }

    @Test
    void onlyObserveUsesTheOptionalMetricsAndTracingLibraries() {
        noClasses().that().resideOutsideOfPackage(pkg("observe"))
                .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..", "io.opentelemetry..")
                .because("Micrometer and OpenTelemetry are optional: the core must load without them")
                .check(CORE);
    }

    @Test
    void nothingBelowTheFacadeKnowsTheRouter() {
        noClasses().that().resideOutsideOfPackages("dev.sale4j", "dev.sale4j.chat")
                .should().dependOnClassesThat().haveFullyQualifiedName(SaleRouter.class.getName())
                .check(CORE);
    }
}
