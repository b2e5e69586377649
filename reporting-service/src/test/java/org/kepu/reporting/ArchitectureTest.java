package org.kepu.reporting;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.kepu.common.testing.ServiceLayersTest;

/**
 * reporting-service keeps the layer rules every service keeps, and one of its own; a change that breaks one fails
 * here.
 */
class ArchitectureTest extends ServiceLayersTest {

    ArchitectureTest() {
        super("org.kepu.reporting");
    }

    /** Use cases refuse with DomainException and take an ExpectedVersion; rest turns both into HTTP. */
    @Test
    void serviceKnowsNoWebTypes() {
        noClasses().that().resideInAPackage("org.kepu.reporting.service..").should().dependOnClassesThat()
                .resideInAnyPackage("org.kepu.reporting.rest..", "jakarta.ws.rs..", "org.kepu.common.rest..",
                        "org.kepu.common.problem..")
                .because("a service is called by rest, consumers and jobs alike, and answers none of them in HTTP")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.kepu.reporting"));
    }
}
