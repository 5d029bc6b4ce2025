package org.noticesearch.ingest.formats;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Optical character recognition with the {@code tesseract} command and its simplified-Chinese data (Debian packages
 * tesseract-ocr and tesseract-ocr-chi-sim). Whether it is usable is checked once, on first use.
 */
public final class TesseractOcr {
    public static final String DEFAULT_COMMAND = "tesseract";
    public static final String LANGUAGE = "chi_sim";
    public static final String INSTALL_HINT = "install Tesseract with simplified-Chinese data (Debian/Ubuntu: "
            + "apt-get install tesseract-ocr tesseract-ocr-chi-sim)";
    private static final long PROBE_SECONDS = 20;

    private final String command;
    private volatile Optional<String> unavailable;

    public TesseractOcr(String command) {
        this.command = command;
    }

    public static TesseractOcr fromPath() {
        return new TesseractOcr(DEFAULT_COMMAND);
    }

    /** Why OCR cannot run here (not installed, no chi_sim data), or empty when it can. */
    public Optional<String> unavailableReason() {
        Optional<String> u = unavailable;
        if (u == null) {
            u = probe();
            unavailable = u;
        }
        return u;
    }

    private Optional<String> probe() {
        Process p;
        try {
            p = new ProcessBuilder(command, "--list-langs").redirectErrorStream(true).start();
        } catch (IOException e) {
            return Optional.of("the OCR program '" + command + "' is not installed; " + INSTALL_HINT);
        }
        try {
            String out = readAll(p.getInputStream());
            if (!p.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.of("'" + command + " --list-langs' did not answer");
            }
            boolean chi = out.lines().map(String::strip).anyMatch(LANGUAGE::equals);
            return chi ? Optional.empty()
                    : Optional.of("Tesseract has no " + LANGUAGE + " language data; " + INSTALL_HINT);
        } catch (IOException e) {
            return Optional.of("cannot run '" + command + "': " + e.getMessage());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while checking for Tesseract");
        }
    }

    /** The text of one page image, with Tesseract's spacing between Chinese characters removed. */
    public String recognise(BufferedImage page) throws IOException, InterruptedException {
        Path png = Files.createTempFile("notice-ocr-", ".png");
        Process p = null;
        try {
            ImageIO.write(page, "png", png.toFile());
            p = new ProcessBuilder(List.of(command, png.toString(), "stdout", "-l", LANGUAGE))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = readAll(p.getInputStream());
            int rc = p.waitFor();
            if (rc != 0) {
                throw new IOException("tesseract exited with status " + rc);
            }
            return tidy(out);
        } finally {
            if (p != null && p.isAlive()) {
                // Interrupted by the time limit: do not leave tesseract running.
                p.destroyForcibly();
            }
            Files.deleteIfExists(png);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static final String CJK = "\\p{IsHan}\\u3000-\\u303F\\uFF01-\\uFF5E“”‘’…—·";
    private static final String ASCII_MARKS = ",:;?!()\\[\\]\"";
    /** Spaces Tesseract puts between Chinese characters, and between them and digits or ASCII marks. */
    private static final Pattern SPACE_IN_CJK = Pattern.compile("(?<=[" + CJK + "])[ \\t]+(?=[" + CJK + "0-9" + ASCII_MARKS + "])"
            + "|(?<=[" + CJK + "0-9" + ASCII_MARKS + "])[ \\t]+(?=[" + CJK + "])"
            + "|(?<=[" + ASCII_MARKS + "])[ \\t]+(?=[0-9" + ASCII_MARKS + "])|(?<=[0-9])[ \\t]+(?=[" + ASCII_MARKS + "])");
    private static final String ASCII_PUNCT = ",:;?!()";
    private static final String WIDE_PUNCT = "，：；？！（）";

    /**
     * Undoes the usual marks of Chinese OCR output: spaces between characters, and ASCII punctuation where the
     * text is Chinese (a comma after a Han character is a full-width comma; a straight quote among Han characters
     * is a curly one, opening or closing by turn).
     */
    static String tidy(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(tidyLine(SPACE_IN_CJK.matcher(line).replaceAll("")));
        }
        return out.toString();
    }

    private static String tidyLine(String s) {
        StringBuilder b = new StringBuilder(s);
        boolean quoteOpen = false;
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            boolean hanBefore = i > 0 && isHanOrWide(b.charAt(i - 1));
            boolean hanAfter = i + 1 < b.length() && isHanOrWide(b.charAt(i + 1));
            if (c == '“') {
                quoteOpen = true;
            } else if (c == '”') {
                quoteOpen = false;
            } else if (c == '"' && (hanBefore || hanAfter)) {
                b.setCharAt(i, quoteOpen ? '”' : '“');
                quoteOpen = !quoteOpen;
            } else {
                int k = ASCII_PUNCT.indexOf(c);
                boolean paren = c == '(' || c == ')';
                if (k >= 0 && (paren ? (hanBefore || hanAfter) : hanBefore)) {
                    b.setCharAt(i, WIDE_PUNCT.charAt(k));
                }
            }
        }
        return b.toString();
    }

    private static boolean isHanOrWide(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN || (c >= '\u3000' && c <= '\u303F')
                || (c >= '\uFF01' && c <= '\uFF5E');
    }
}
