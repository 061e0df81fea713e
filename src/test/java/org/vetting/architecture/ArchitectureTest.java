package org.vetting.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * The package structure of docs/architecture.md, as a test: one purpose per package, no package
 * cycles, leaves that stay leaves, SQL only in {@code db}, HTTP only in {@code http} and
 * {@code resources}. The root package (the application, its configuration and the composition
 * root) sits above everything and is not a slice.
 */
class ArchitectureTest {
    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.vetting");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.vetting.(*)..").should().beFreeOfCycles().check(SERVICE);
    }

    @Test
    void jsonTypesAndCommonHelpersAreLeaves() {
        noClasses().that().resideInAnyPackage("org.vetting.api..", "org.vetting.common..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.vetting.(access|adjudication|audit|auth|chain|clearance|cli|correction|dashboard|demo|governance|metrics|screening|watchlist|hits|db|errors|evaluation|health|http|"
                                + "policy|resources|rules|scenarios|users)..")
                .check(SERVICE);
    }

    @Test
    void rulesKnowOnlyTheRecordTheyJudge() {
        noClasses().that().resideInAPackage("org.vetting.rules..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.vetting.(access|adjudication|audit|auth|chain|clearance|cli|correction|dashboard|demo|governance|metrics|screening|watchlist|hits|db|errors|evaluation|health|http|"
                                + "policy|resources|scenarios|users)..")
                .check(SERVICE);
    }

    @Test
    void daosDependOnNothingAboveThem() {
        noClasses().that().resideInAPackage("org.vetting.db..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.vetting.(access|adjudication|audit|auth|chain|clearance|cli|correction|dashboard|demo|governance|metrics|screening|watchlist|hits|errors|evaluation|health|http|"
                                + "policy|resources|rules|scenarios|users)..")
                .check(SERVICE);
    }

    @Test
    void sqlIsWrittenOnlyInDaos() {
        noClasses().that().resideOutsideOfPackage("org.vetting.db..")
                .should().callMethod(Handle.class, "createQuery", String.class)
                .orShould().callMethod(Handle.class, "createUpdate", String.class)
                .orShould().callMethod(Handle.class, "execute", String.class, Object[].class)
                .orShould().callMethod(Handle.class, "select", String.class, Object[].class)
                .check(SERVICE);
    }

    @Test
    void servicesNeverPickAnHttpStatus() {
        noClasses().that().resideOutsideOfPackages("org.vetting.http..", "org.vetting.resources..",
                        "org.vetting.auth..", "org.vetting")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..")
                .check(SERVICE);
    }

    @Test
    void resourcesNeverTouchDatabaseRows() {
        noClasses().that().resideInAPackage("org.vetting.resources..")
                .should().dependOnClassesThat().resideInAPackage("org.vetting.db..")
                .check(SERVICE);
    }
}
