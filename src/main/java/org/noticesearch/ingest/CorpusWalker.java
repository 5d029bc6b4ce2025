package org.noticesearch.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.noticesearch.ingest.formats.FormatReaders;

/** Finds the notice files under a corpus root, in a stable order; READMEs and hidden files are not notices. */
public final class CorpusWalker {
    /** File extensions read as notices: plain text, and the formats in {@link FormatReaders#EXTENSIONS}. */
    public static final Set<String> EXTENSIONS = extensions();

    private static Set<String> extensions() {
        Set<String> s = new java.util.TreeSet<>(FormatReaders.EXTENSIONS);
        s.add("txt");
        return Set.copyOf(s);
    }

    private CorpusWalker() {}

    public static List<Path> files(Path root) throws IOException {
        if (Files.isRegularFile(root)) {
            return List.of(root);
        }
        if (!Files.isDirectory(root)) {
            throw new IOException(root + ": no such file or folder");
        }
        try (Stream<Path> s = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> isNotice(root.relativize(p)))
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static boolean isNotice(Path rel) {
        for (Path part : rel) {
            if (part.toString().startsWith(".")) {
                return false;
            }
        }
        String name = rel.getFileName().toString();
        if (name.toUpperCase(Locale.ROOT).startsWith("README")) {
            return false;
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The path relative to the root with forward slashes, as stored in {@code source}. */
    public static String sourceOf(Path root, Path file) {
        Path base = Files.isRegularFile(root) ? root.getParent() : root;
        Path rel = base == null ? file.getFileName() : base.relativize(file);
        return rel.toString().replace('\\', '/');
    }

    public static RawNotice read(Path root, Path file) throws IOException {
        return new RawNotice(sourceOf(root, file), file, Files.readAllBytes(file));
    }

    /**
     * Reads a file, but of a file over {@code maxBytes} only the first {@code maxBytes + 1} bytes, so that a huge
     * file is never held in memory; the parser's size check then reports it.
     */
    public static RawNotice read(Path root, Path file, long maxBytes) throws IOException {
        if (Files.size(file) <= maxBytes) {
            return read(root, file);
        }
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return new RawNotice(sourceOf(root, file), file, in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1)));
        }
    }
}
