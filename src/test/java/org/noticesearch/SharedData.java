package org.noticesearch;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real notices and document numbers in {@code ../shared/} beside the clone. They come from other people's
 * public repositories, so they are read where they are and never copied into this repository. A test that needs
 * them skips, with a message saying why, where {@code ../shared/} is absent (someone else's clone), and fails
 * instead under {@code CI=true}, where CI lays it beside the clone.
 */
public final class SharedData {
    private SharedData() {}

    /** The shared folder: {@code -Dshared.dir} or {@code ../shared} relative to the project (Maven's working directory). */
    public static Path root() {
        String configured = System.getProperty("shared.dir");
        return (configured != null ? Path.of(configured) : Path.of("..", "shared")).toAbsolutePath().normalize();
    }

    /** {@code ../shared/<sub>}, or skips (fails under CI=true) when it is not there. */
    public static Path require(String sub) {
        Path p = root().resolve(sub);
        if (!Files.exists(p)) {
            String why = p + " is absent: the real-data tests read ../shared/ beside the clone (see README, Tests)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + "; under CI=true it must be there");
            }
            assumeTrue(false, why + "; skipped");
        }
        return p;
    }
}
