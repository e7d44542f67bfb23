package io.fleetcast.core.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final String ROOT = "io.fleetcast.core";
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
    void coreKnowsNoOtherModuleNorInfrastructure() {
        ArchitectureRules.noDependencyOn(
                        ROOT,
                        "io.fleetcast.store",
                        "io.fleetcast.app",
                        "io.fleetcast.server",
                        "io.fleetcast.cli",
                        "java.sql",
                        "org.duckdb",
                        "io.javalin",
                        "picocli")
                .check(classes);
    }
}
