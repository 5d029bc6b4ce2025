package org.noticesearch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Keeps BENCHMARKS.md: each run replaces only its own section, between {@code <!-- results N begin -->}
 * and {@code <!-- results N end -->} markers, so the hand-written analysis around the sections stays.
 */
final class BenchReport {
    static final String RESULTS_HEADING = "## Results";

    private BenchReport() {}

    static void writeSection(Path file, int count, String section) throws IOException {
        String begin = "<!-- results " + count + " begin -->";
        String end = "<!-- results " + count + " end -->";
        String body = begin + "\n" + section.strip() + "\n" + end;
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n\n" + RESULTS_HEADING + "\n\n";
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        if (b >= 0 && e > b) {
            text = text.substring(0, b) + body + text.substring(e + end.length());
        } else {
            int at = text.indexOf(RESULTS_HEADING);
            if (at < 0) {
                text = text.stripTrailing() + "\n\n" + RESULTS_HEADING + "\n\n" + body + "\n";
            } else {
                // Sections in increasing size after the heading: insert before the first larger one.
                int insert = text.length();
                int from = at;
                while (true) {
                    int m = text.indexOf("<!-- results ", from);
                    if (m < 0) {
                        break;
                    }
                    int sp = text.indexOf(' ', m + 13);
                    int other = Integer.parseInt(text.substring(m + 13, sp));
                    if (other > count) {
                        insert = m;
                        break;
                    }
                    from = text.indexOf("-->", m) + 3;
                }
                if (insert == text.length()) {
                    int next = text.indexOf("\n## ", at + RESULTS_HEADING.length());
                    insert = next < 0 ? text.length() : next + 1;
                    text = text.substring(0, insert).stripTrailing() + "\n\n" + body + "\n\n" + text.substring(insert);
                } else {
                    text = text.substring(0, insert) + body + "\n\n" + text.substring(insert);
                }
            }
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** CPU, cores, memory, JDK and OS, read from the machine. */
    static String machine() {
        String cpu = "?";
        String mem = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
            mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> String.format(Locale.ROOT, "%.0f GB RAM",
                            Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0)).orElse("?");
        } catch (IOException | RuntimeException e) {
            // not Linux: leave the question marks
        }
        return String.format(Locale.ROOT, "%s, %d cores, %s, JDK %s (%s), %s %s, run on %s", cpu,
                Runtime.getRuntime().availableProcessors(), mem, System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.version"), LocalDate.now());
    }
}
