package org.megacity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(MegacityApplication.class);
    static final Path DOCS = Path.of("docs", "modules");

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDocumentation() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (Stream<Path> diagrams = Files.list(DOCS)) {
            for (Path diagram : diagrams.filter(p -> p.toString().endsWith(".puml")).toList()) {
                sortRelations(diagram);
            }
        }
    }

    /**
     * The documenter writes a diagram's relations in no stable order; sorted, the committed
     * diagrams change only when the modules do.
     */
    static void sortRelations(Path diagram) throws IOException {
        List<String> lines = Files.readAllLines(diagram, StandardCharsets.UTF_8);
        List<String> sorted = new ArrayList<>(lines.size());
        List<String> run = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("Rel(")) {
                run.add(line);
                continue;
            }
            run.sort(null);
            sorted.addAll(run);
            run.clear();
            sorted.add(line);
        }
        run.sort(null);
        sorted.addAll(run);
        Files.write(diagram, sorted, StandardCharsets.UTF_8);
    }
}
