package org.pyeongga;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The architecture is a test: modules only use each other's public API (top-level package), dependencies point the
 * declared way (core ← organization ← …), and no cycles. Also writes the module documentation under
 * {@code target/spring-modulith-docs}.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(Application.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES).writeDocumentation().writeIndividualModulesAsPlantUml().writeModuleCanvases();
    }
}
