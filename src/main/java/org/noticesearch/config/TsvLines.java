package org.noticesearch.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The data lines of a tab-separated file of {@code index-config/}, each with the place an error names. */
record TsvLines(String where, int number, String[] cols) {

    /**
     * The lines of {@code file} that are neither blank nor {@code #} comments, split on tabs (empty columns kept).
     * {@code fix} is added to the error when the file cannot be read (how to make it again), or is empty.
     */
    static List<TsvLines> read(Path file, String fix) {
        List<String> raw;
        try {
            raw = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read (" + e.getMessage() + ")" + (fix.isEmpty() ? "" : "; " + fix), e);
        }
        List<TsvLines> out = new ArrayList<>();
        for (int n = 0; n < raw.size(); n++) {
            String line = raw.get(n);
            if (!line.isBlank() && !line.strip().startsWith("#")) {
                out.add(new TsvLines(file + " line " + (n + 1), n + 1, line.split("\t", -1)));
            }
        }
        return out;
    }
}
