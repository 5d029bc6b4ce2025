package org.noticesearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/test}'s set-up logic, run for real with the system commands it calls ({@code id}, {@code dpkg-query},
 * {@code sudo}, {@code apt-get}, {@code useradd}, {@code mvn}) replaced by stubs on the PATH that log their
 * arguments: which packages it installs, through what, with which user, and that it passes arguments through.
 */
class BinTestScriptTest {
    private static final String PACKAGES = "maven chromium chromium-driver tesseract-ocr tesseract-ocr-chi-sim";

    @TempDir
    Path tmp;

    record Run(int exit, String calls, String stderr) {}

    /** Runs bin/test with stubs: uid, which packages dpkg reports installed, whether user opensearch exists and sudo works. */
    private Run run(int uid, Set<String> installedPackages, boolean opensearchUser, boolean sudoWorks, String... args)
            throws IOException, InterruptedException {
        Path stubs = Files.createDirectories(tmp.resolve("stubs"));
        Path log = tmp.resolve("calls.log");
        Files.deleteIfExists(log);
        stub(stubs, "id", """
                if [ "$1" = "-u" ] && [ -n "${2:-}" ]; then %s; fi
                if [ "$1" = "-un" ]; then echo tester; exit 0; fi
                echo %d""".formatted(opensearchUser ? "echo 999; exit 0" : "exit 1", uid));
        stub(stubs, "dpkg-query", """
                pkg="${@: -1}"
                case " %s " in *" $pkg "*) printf 'install ok installed';; *) exit 1;; esac"""
                .formatted(String.join(" ", installedPackages)));
        stub(stubs, "sudo", sudoWorks
                ? "echo \"sudo $*\" >> \"$LOG\"; [ \"$1\" = -n ] && exit 0; \"$@\""
                : "exit 1");
        for (String cmd : List.of("apt-get", "useradd", "mvn")) {
            stub(stubs, cmd, "echo \"" + cmd + " $*\" >> \"$LOG\"");
        }
        ProcessBuilder pb = new ProcessBuilder("bash", Path.of("bin/test").toAbsolutePath().toString());
        pb.command().addAll(List.of(args));
        pb.environment().put("PATH", stubs + ":" + System.getenv("PATH"));
        pb.environment().put("LOG", log.toString());
        pb.redirectErrorStream(false);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Path err = tmp.resolve("stderr.txt");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "bin/test did not finish");
        String calls = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        return new Run(p.exitValue(), calls, Files.readString(err, StandardCharsets.UTF_8));
    }

    private static void stub(Path dir, String name, String body) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, "#!/usr/bin/env bash\n" + body + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void asRootOnAFreshMachineInstallsEveryPackageAndTheUserThenRunsMaven() throws Exception {
        Run r = run(0, Set.of("maven"), false, false, "-DexcludedGroups=opensearch");
        assertEquals(0, r.exit(), r.stderr());
        assertEquals("""
                apt-get update -q
                apt-get install -y -q --no-install-recommends chromium chromium-driver tesseract-ocr tesseract-ocr-chi-sim
                useradd --system --no-create-home --shell /usr/sbin/nologin opensearch
                mvn -B verify -DexcludedGroups=opensearch
                """, r.calls());
        assertTrue(r.stderr().contains("missing chromium-driver: Selenium talks to Chromium through ChromeDriver"), r.stderr());
        assertTrue(r.stderr().contains("creating system user opensearch"), r.stderr());
    }

    @Test
    void aMavenOnThePathNeedsNoPackage() throws Exception {
        Run r = run(0, Set.of("chromium", "chromium-driver", "tesseract-ocr", "tesseract-ocr-chi-sim"), true, false);
        assertEquals(0, r.exit(), r.stderr());
        assertEquals("mvn -B verify\n", r.calls());
    }

    @Test
    void whenEverythingIsThereItInstallsNothing() throws Exception {
        Run r = run(0, Set.of(PACKAGES.split(" ")), true, false);
        assertEquals(0, r.exit(), r.stderr());
        assertEquals("mvn -B verify\n", r.calls());
        assertTrue(!r.stderr().contains("missing") && !r.stderr().contains("installing"), r.stderr());
    }

    @Test
    void asAUserWithSudoItInstallsThroughSudoAndCreatesNoUser() throws Exception {
        Run r = run(1000, Set.of("maven", "chromium", "chromium-driver"), false, true);
        assertEquals(0, r.exit(), r.stderr());
        assertEquals("""
                sudo -n true
                sudo apt-get update -q
                apt-get update -q
                sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends tesseract-ocr tesseract-ocr-chi-sim
                apt-get install -y -q --no-install-recommends tesseract-ocr tesseract-ocr-chi-sim
                mvn -B verify
                """, r.calls());
    }

    @Test
    void asAUserWithoutSudoItStopsWithTheExactCommand() throws Exception {
        Run r = run(1000, Set.of("maven", "chromium", "chromium-driver", "tesseract-ocr"), false, false);
        assertEquals(2, r.exit(), r.stderr());
        assertEquals("", r.calls(), "nothing may run, Maven included");
        assertTrue(r.stderr().contains("sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive "
                + "apt-get install -y -q --no-install-recommends tesseract-ocr-chi-sim"), r.stderr());
    }
}
