package org.noticesearch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's limits in settings.properties: defaults, the bundled file, and errors that name the key. */
class ServerLimitsSettingsTest {
    @TempDir
    Path dir;

    @Test
    void theBundledFileHasTheDefaults() {
        assertEquals(Settings.ServerLimits.defaults(), Settings.load(Path.of("index-config/settings.properties")).server());
        assertEquals(Settings.ServerLimits.defaults(), Settings.defaults().server());
        assertTrue(!Settings.ServerLimits.defaults().rateLimited(), "the rate limit is off by default");
    }

    @Test
    void eachKeyIsRead() throws Exception {
        Path f = dir.resolve("settings.properties");
        Files.writeString(f, """
                search.timeLimitMs=250
                export.maxConcurrent=2
                export.waitMs=0
                server.maxConnections=64
                server.headerTimeoutMs=5000
                server.idleTimeoutMs=60000
                server.rateLimit.perSecond=10
                server.rateLimit.burst=20
                """);
        assertEquals(new Settings.ServerLimits(250, 2, 0, 64, 5000, 60000, 10, 20), Settings.load(f).server());
        assertTrue(Settings.load(f).server().rateLimited());
    }

    @Test
    void badValuesNameTheFileAndTheKey() throws Exception {
        Path f = dir.resolve("settings.properties");
        for (String line : new String[]{"search.timeLimitMs=0", "export.maxConcurrent=0", "server.headerTimeoutMs=abc",
                "server.rateLimit.perSecond=-1", "server.maxConnections=0"}) {
            Files.writeString(f, line + "\n");
            ConfigException e = assertThrows(ConfigException.class, () -> Settings.load(f), line);
            String key = line.substring(0, line.indexOf('='));
            assertTrue(e.getMessage().startsWith(f + ": " + key + "="), e.getMessage());
        }
    }
}
