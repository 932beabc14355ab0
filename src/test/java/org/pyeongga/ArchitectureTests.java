package org.pyeongga;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

/** What Modulith does not check, from STYLE.md: web never touches repositories, no field injection, names. */
class ArchitectureTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.pyeongga");

    /** The scoring engine is plain Java: the JDK and nullness annotations only (no Spring, no I/O, no other module). */
    @Test
    void theScoringEngineDependsOnNothing() {
        classes().that().resideInAPackage("org.pyeongga.scoring..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.pyeongga.scoring..", "java.lang..",
                        "java.util..", "java.math..", "org.jspecify..", "org.springframework.modulith")
                .check(CLASSES);
        noClasses().that().resideInAPackage("org.pyeongga.scoring..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..", "java.sql..")
                .check(CLASSES);
    }

    @Test
    void theWebLayerNeverTouchesARepository() {
        noClasses().that().resideInAPackage("..web..")
                .should().dependOnClassesThat().areAnnotatedWith(Repository.class)
                .check(CLASSES);
    }

    @Test
    void controllersLiveInWebPackagesAndAreNotPublic() {
        classes().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .should().resideInAPackage("..web..")
                .andShould().notBePublic()
                .check(CLASSES);
    }

    @Test
    void repositoriesAreInternalToTheirModule() {
        classes().that().areAnnotatedWith(Repository.class).should().notBePublic().check(CLASSES);
    }

    @Test
    void noFieldInjection() {
        fields().should().notBeAnnotatedWith(Autowired.class).check(CLASSES);
    }

    @Test
    void noEgovStyleLayerNames() {
        noClasses().should().haveSimpleNameEndingWith("ServiceImpl")
                .orShould().haveSimpleNameEndingWith("VO")
                .orShould().haveSimpleNameStartingWith("Egov")
                .check(CLASSES);
    }

    @Test
    void theScoringFreeCoreDependsOnNoBusinessModule() {
        noClasses().that().resideInAPackage("org.pyeongga.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.pyeongga.organization..")
                .check(CLASSES);
    }
}
