package io.fleetcast.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.fleetcast.core.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final String ROOT = "io.fleetcast.app";
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
    void appHoldsNoSqlNorWebNorCommandLine() {
        ArchitectureRules.noDependencyOn(ROOT, "java.sql", "org.duckdb", "io.javalin", "picocli", "io.fleetcast.server")
                .check(classes);
    }
}
