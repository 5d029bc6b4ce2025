package org.noticesearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenSearch operator flags on the command line: a bad CA or password file is a usage error naming flag and file. */
class OpenSearchFlagsTest {
    @TempDir
    Path tmp;

    @Test
    void aMissingCaFileIsAUsageErrorNamingTheFlagAndFile() {
        Path ca = tmp.resolve("no-ca.pem");
        AppTest.Run r = AppTest.run("search", "--backend", "opensearch", "--opensearch-url", "https://127.0.0.1:1", "--opensearch-ca",
                ca.toString(), "巾帼");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: --opensearch-ca: cannot read " + ca + " (NoSuchFileException"), r.err());
    }

    @Test
    void anUnreadablePasswordFileOrAUserWithoutPasswordIsAUsageError() throws Exception {
        Path pw = tmp.resolve("no-password");
        AppTest.Run r = AppTest.run("index", "--backend", "opensearch", "--opensearch-url", "https://127.0.0.1:1", "--opensearch-user", "ops",
                "--opensearch-password-file", pw.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: --opensearch-password-file: cannot read " + pw), r.err());
        Files.writeString(pw, "secret-value\n");
        AppTest.Run noUser = AppTest.run("index", "--backend", "opensearch", "--opensearch-url", "https://127.0.0.1:1",
                "--opensearch-password-file", pw.toString());
        assertEquals(2, noUser.code(), noUser.err());
        assertTrue(noUser.err().startsWith("error: a password is set"), noUser.err());
        assertFalse(noUser.err().contains("secret-value"), noUser.err());
    }

    @Test
    void aZeroTimeoutIsAUsageError() {
        AppTest.Run r = AppTest.run("search", "--backend", "opensearch", "--opensearch-url", "http://127.0.0.1:1", "--opensearch-timeout", "0", "巾帼");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: --opensearch-timeout: must be more than 0 seconds, got 0"), r.err());
    }
}
