package io.fleetcast.core.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;

/**
 * The package rules every module's {@code ArchitectureTest} checks (STYLE.md section 2): no cycles between packages,
 * and classes in a package named {@code internal} used only from within that package's parent.
 */
public final class ArchitectureRules {
    private ArchitectureRules() {}

    /** The production classes of the module whose root package is {@code rootPackage}. */
    public static JavaClasses productionClasses(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
    }

    /** No cycles between the sub-packages directly under {@code rootPackage}. */
    public static ArchRule noPackageCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles();
    }

    /** A class in {@code a.b.internal} is used only by classes under {@code a.b}. */
    public static ArchRule internalPackagesStayInside() {
        return ArchRuleDefinition.classes()
                .should(new ArchCondition<JavaClass>("use internal classes only from within their parent package") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        item.getDirectDependenciesFromSelf().forEach(dependency -> {
                            JavaClass target = dependency.getTargetClass();
                            String targetPackage = target.getPackageName();
                            int internal = targetPackage.indexOf(".internal");
                            if (internal < 0) {
                                return;
                            }
                            String parent = targetPackage.substring(0, internal);
                            String source = item.getPackageName();
                            if (!source.equals(parent) && !source.startsWith(parent + ".")) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        });
                    }
                })
                .allowEmptyShould(true);
    }

    /** Classes of {@code rootPackage} must not depend on any class whose package starts with one of {@code banned}. */
    public static ArchRule noDependencyOn(String rootPackage, String... banned) {
        return ArchRuleDefinition.noClasses()
                .that()
                .resideInAPackage(rootPackage + "..")
                .should()
                .dependOnClassesThat(new DescribedPredicate<JavaClass>("reside in " + String.join(", ", banned)) {
                    @Override
                    public boolean test(JavaClass input) {
                        for (String prefix : banned) {
                            if (input.getPackageName().startsWith(prefix)) {
                                return true;
                            }
                        }
                        return false;
                    }
                })
                .allowEmptyShould(true);
    }
}
