package se.skyddsnat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The modules depend on each other only through their public APIs, without cycles. */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(SkyddsnatApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        // target/spring-modulith-docs: a diagram and a canvas per module, for the README's design section
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
