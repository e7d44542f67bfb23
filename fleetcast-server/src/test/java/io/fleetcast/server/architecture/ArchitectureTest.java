package io.fleetcast.server.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import io.fleetcast.core.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final String ROOT = "io.fleetcast.server";
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
    void theServerHoldsNoSqlAndDoesNotChooseTheStorageBackend() {
        ArchitectureRules.noDependencyOn(
                        ROOT, "java.sql", "org.duckdb", "io.fleetcast.store.duckdb", "io.fleetcast.cli", "picocli")
                .check(classes);
    }

    @Test
    void accessDecisionsKnowNothingOfTheEndpoints() {
        ArchRuleDefinition.noClasses()
                .that()
                .resideInAPackage(ROOT + ".auth..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT + ".api..")
                .check(classes);
    }
}
