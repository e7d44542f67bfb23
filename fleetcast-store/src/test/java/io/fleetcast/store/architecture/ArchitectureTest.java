package io.fleetcast.store.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.fleetcast.core.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final String ROOT = "io.fleetcast.store";
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
    void storeKnowsNothingAboveIt() {
        ArchitectureRules.noDependencyOn(
                        ROOT, "io.fleetcast.app", "io.fleetcast.server", "io.fleetcast.cli", "io.javalin", "picocli")
                .check(classes);
    }

    @Test
    void parsingAndValidationKnowNoDatabase() {
        ArchitectureRules.noDependencyOn(ROOT + ".ingest", "org.duckdb", "java.sql", "io.fleetcast.store.duckdb")
                .check(classes);
    }
}
