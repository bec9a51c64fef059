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
            for (Path file : diagrams.toList()) {
                if (file.toString().endsWith(".puml")) {
                    sortRelations(file);
                } else if (file.toString().endsWith(".adoc")) {
                    sortListItems(file);
                }
            }
        }
    }

    /**
     * The canvases list a module's types, events and listeners in no stable order either: each
     * table cell's list ({@code |* a}, {@code * b}, …) is sorted, its first item keeping the cell mark.
     */
    static void sortListItems(Path canvas) throws IOException {
        List<String> lines = Files.readAllLines(canvas, StandardCharsets.UTF_8);
        List<String> sorted = new ArrayList<>(lines.size());
        List<String> run = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("|* ")) {
                flushCell(run, sorted);
                run.add(line.substring(1));
            } else if (line.startsWith("* ") && !run.isEmpty()) {
                run.add(line);
            } else {
                flushCell(run, sorted);
                sorted.add(line);
            }
        }
        flushCell(run, sorted);
        Files.write(canvas, sorted, StandardCharsets.UTF_8);
    }

    private static void flushCell(List<String> run, List<String> out) {
        if (run.isEmpty()) {
            return;
        }
        run.sort(null);
        out.add("|" + run.get(0));
        out.addAll(run.subList(1, run.size()));
        run.clear();
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
