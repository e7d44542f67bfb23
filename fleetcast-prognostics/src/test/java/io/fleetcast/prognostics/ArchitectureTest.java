package io.fleetcast.prognostics;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.fleetcast.core.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Classes are imported once for all rules: importing is the slow part. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchitectureTest {
    private static final String ROOT = "io.fleetcast.prognostics";
    private final JavaClasses classes = ArchitectureRules.productionClasses(ROOT);

    @Test
    void packagesHaveNoCycles() {
        ArchitectureRules.noPackageCycles(ROOT).check(classes);
    }

    @Test
    void internalPackagesStayInside() {
        ArchitectureRules.internalPackagesStayInside().check(classes);
    }

    @Test
    void prognosticsKnowsNoInfrastructure() {
        ArchitectureRules.noDependencyOn(
                        ROOT,
                        "io.fleetcast.store",
                        "io.fleetcast.app",
                        "io.fleetcast.server",
                        "io.fleetcast.cli",
                        "java.sql",
                        "org.duckdb",
                        "io.javalin",
                        "picocli",
                        "java.nio.file",
                        "java.net")
                .check(classes);
    }
}
