package org.noticesearch.ingest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.noticesearch.ingest.formats.FormatReaders;

/**
 * Finds the notice files under a corpus root, in a stable order; READMEs and hidden files are not notices.
 *
 * <p>The walk never leaves the corpus: a symbolic link is followed only when its real target lies inside the corpus
 * root's real path (so a folder of links to notices kept elsewhere in the corpus works), and a link whose target is
 * outside (a secret folder, {@code /etc/passwd}, {@code /proc/self/environ}) is reported as {@link
 * FailureKind#OUTSIDE_CORPUS} and not read. A folder link back into a folder above it ({@code ln -s . loop}) is
 * reported as a {@link FailureKind#LOOP}; a folder that cannot be listed, or a broken link, as {@link
 * FailureKind#UNREADABLE}. Each problem names its path, and the walk goes on.
 */
public final class CorpusWalker {
    /** File extensions read as notices: plain text, and the formats in {@link FormatReaders#EXTENSIONS}. */
    public static final Set<String> EXTENSIONS = extensions();

    private static Set<String> extensions() {
        Set<String> s = new java.util.TreeSet<>(FormatReaders.EXTENSIONS);
        s.add("txt");
        return Set.copyOf(s);
    }

    private CorpusWalker() {}

    /**
     * What a walk found: the notice files in path order, the folders walked (for a file watcher), and the paths
     * skipped with why, as failures against their source path.
     */
    public record Walk(List<Path> files, List<Path> folders, List<ParseReport.Failure> problems) {
        public Walk {
            files = List.copyOf(files);
            folders = List.copyOf(folders);
            problems = List.copyOf(problems);
        }
    }

    /** The notice files under the root (see {@link #walk}); problems are dropped. */
    public static List<Path> files(Path root) throws IOException {
        return walk(root).files();
    }

    /**
     * Walks the corpus. Throws only when the root itself is missing or cannot be listed; anything below it that
     * cannot be walked is a problem in the result.
     */
    public static Walk walk(Path root) throws IOException {
        if (Files.isRegularFile(root)) {
            return new Walk(List.of(root), List.of(), List.of());
        }
        if (!Files.isDirectory(root)) {
            throw new IOException(root + ": no such file or folder");
        }
        Path realRoot = root.toRealPath();
        List<Path> files = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        List<ParseReport.Failure> problems = new ArrayList<>();
        Deque<Path> above = new ArrayDeque<>();
        above.push(realRoot);
        folders.add(root);
        List<Path> top;
        try {
            top = list(root);
        } catch (IOException e) {
            throw new IOException(root + ": cannot list the corpus folder (" + e.getMessage() + ")", e);
        }
        walkEntries(root, realRoot, top, above, files, folders, problems);
        files.sort(null);
        problems.sort(Comparator.comparing(ParseReport.Failure::source));
        return new Walk(files, folders, problems);
    }

    private static List<Path> list(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            List<Path> out = new ArrayList<>();
            s.forEach(out::add);
            out.sort(null);
            return out;
        }
    }

    private static void walkEntries(Path root, Path realRoot, List<Path> entries, Deque<Path> above, List<Path> files,
                                    List<Path> folders, List<ParseReport.Failure> problems) {
        for (Path p : entries) {
            String name = p.getFileName().toString();
            if (name.startsWith(".")) {
                continue; // hidden files and folders are never notices
            }
            String source = sourceOf(root, p);
            BasicFileAttributes attrs;
            Path real;
            try {
                attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attrs.isSymbolicLink()) {
                    try {
                        real = p.toRealPath();
                    } catch (IOException e) {
                        if (isNotice(root.relativize(p))) {
                            problems.add(new ParseReport.Failure(source, "a broken link: its target does not exist or cannot be reached",
                                    FailureKind.UNREADABLE));
                        }
                        continue;
                    }
                    attrs = Files.readAttributes(real, BasicFileAttributes.class);
                    if (!real.startsWith(realRoot)) {
                        if (attrs.isDirectory() || isNotice(root.relativize(p))) {
                            problems.add(new ParseReport.Failure(source, "a link to " + (attrs.isDirectory() ? "a folder" : "a file")
                                    + " outside the corpus folder; links are followed only inside it, so it was not read",
                                    FailureKind.OUTSIDE_CORPUS));
                        }
                        continue;
                    }
                } else {
                    real = null;
                }
            } catch (IOException e) {
                problems.add(new ParseReport.Failure(source, "cannot read its attributes (" + e.getMessage() + ")", FailureKind.UNREADABLE));
                continue;
            }
            if (attrs.isDirectory()) {
                Path realDir;
                try {
                    realDir = real != null ? real : p.toRealPath();
                } catch (IOException e) {
                    problems.add(new ParseReport.Failure(source, "cannot resolve the folder (" + e.getMessage() + ")", FailureKind.UNREADABLE));
                    continue;
                }
                if (above.contains(realDir)) {
                    problems.add(new ParseReport.Failure(source, "a folder link that leads back into a folder above it (a loop);"
                            + " it was not followed", FailureKind.LOOP));
                    continue;
                }
                List<Path> inner;
                try {
                    inner = list(p);
                } catch (IOException e) {
                    problems.add(new ParseReport.Failure(source, "cannot list the folder (" + e.getMessage() + "); its files were"
                            + " skipped", FailureKind.UNREADABLE));
                    continue;
                }
                folders.add(p);
                above.push(realDir);
                walkEntries(root, realRoot, inner, above, files, folders, problems);
                above.pop();
            } else if (attrs.isRegularFile() && isNotice(root.relativize(p))) {
                files.add(p);
            }
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
        return new RawNotice(sourceOf(root, file), file, Files.readAllBytes(confined(root, file)));
    }

    /**
     * The file a stored {@code source} (see {@link #sourceOf}) names under the corpus root, by its real path; empty
     * when there is none, or when the name or a link on the way leads outside the root ({@code ../}, an absolute path,
     * a link to {@code /etc}): the same confinement as a read during a walk.
     */
    public static java.util.Optional<Path> resolveSource(Path root, String source) {
        if (source == null || source.isBlank() || source.indexOf('\0') >= 0) {
            return java.util.Optional.empty();
        }
        try {
            Path base = Files.isRegularFile(root) ? root.getParent() : root;
            if (base == null) {
                return java.util.Optional.empty();
            }
            Path rel = base.getFileSystem().getPath(source);
            if (rel.isAbsolute() || rel.normalize().startsWith("..")) {
                return java.util.Optional.empty();
            }
            Path file = base.resolve(rel).normalize();
            if (!Files.isRegularFile(file) || !file.toRealPath().startsWith(base.toRealPath())) {
                return java.util.Optional.empty();
            }
            // A corpus of one file holds that file only, not its neighbours.
            if (Files.isRegularFile(root) && !file.toRealPath().equals(root.toRealPath())) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(confined(root, file));
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The real path of a file found by {@link #walk}, checked again at read time: a file swapped for a link to
     * outside the corpus between the walk and the read is refused.
     */
    private static Path confined(Path root, Path file) throws IOException {
        Path real = file.toRealPath();
        Path base = Files.isRegularFile(root) ? real : root.toRealPath();
        if (!real.startsWith(base)) {
            throw new IOException("the file now leads outside the corpus folder; it was not read");
        }
        return real;
    }

    /**
     * Reads a file, but of a file over {@code maxBytes} only the first {@code maxBytes + 1} bytes, so that a huge
     * file is never held in memory; the parser's size check then reports it.
     */
    public static RawNotice read(Path root, Path file, long maxBytes) throws IOException {
        Path real = confined(root, file);
        if (Files.size(real) <= maxBytes) {
            return new RawNotice(sourceOf(root, file), file, Files.readAllBytes(real));
        }
        try (java.io.InputStream in = Files.newInputStream(real)) {
            return new RawNotice(sourceOf(root, file), file, in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1)));
        }
    }
}
