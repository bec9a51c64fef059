package org.megacity;

import org.megacity.platform.CommandLine;
import org.megacity.platform.Launch;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The Megacity Governance Platform: one deployable service whose direct sub-packages are its
 * application modules (see {@code docs/architecture.md}).
 *
 * <p>The first word of the command line chooses what runs: {@code serve}, {@code demo}, or one of
 * the operational commands the modules contribute ({@code audit verify}, {@code geo import}, …).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(systemName = "Megacity", sharedModules = "platform")
public class MegacityApplication {

    public static void main(String[] args) {
        int code = Launch.run(MegacityApplication.class, CommandLine.parse(args));
        if (code != Launch.KEEP_RUNNING) {
            System.exit(code);
        }
    }
}
