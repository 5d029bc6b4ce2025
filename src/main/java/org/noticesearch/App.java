package org.noticesearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.noticesearch.config.ConfigException;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.ingest.CorpusWalker;
import org.noticesearch.ingest.Notice;
import org.noticesearch.ingest.NoticeParseException;
import org.noticesearch.ingest.NoticeParser;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The command line: parse | index | search | serve. Builds the objects each command needs and passes them in. */
@Command(name = "notice-search", mixinStandardHelpOptions = true, version = "notice-search 0.1.0",
        description = "Full-text search over Chinese official notices (公文).",
        subcommands = {App.ParseCommand.class})
public final class App implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        System.setOut(new PrintStream(System.out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(System.err, true, StandardCharsets.UTF_8));
        CommandLine cli = new CommandLine(new App());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException || e instanceof IOException) {
                cmd.getErr().println("error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        System.exit(cli.execute(args));
    }

    /** Options shared by the commands that read {@code index-config/}. */
    static class ConfigOption {
        @Option(names = "--config", description = "index-config folder (default: ${DEFAULT-VALUE}; env NOTICE_CONFIG)",
                defaultValue = "${env:NOTICE_CONFIG:-index-config}")
        Path config;

        IndexConfig load() {
            return IndexConfig.load(config);
        }
    }

    @Command(name = "parse", description = "Parse notice files and print one JSON record per notice (JSON Lines).")
    static final class ParseCommand implements Callable<Integer> {
        @CommandLine.Mixin
        ConfigOption config = new ConfigOption();

        @Option(names = "--pretty", description = "indent the JSON for reading")
        boolean pretty;

        @Parameters(arity = "1..*", paramLabel = "FILE_OR_DIR")
        List<Path> inputs;

        @Override
        public Integer call() throws IOException {
            NoticeParser parser = new NoticeParser(config.load());
            ObjectMapper mapper = Json.mapper();
            ObjectWriter writer = pretty ? mapper.writerWithDefaultPrettyPrinter() : mapper.writer();
            int ok = 0;
            int failed = 0;
            for (Path input : inputs) {
                List<Path> files;
                try {
                    files = CorpusWalker.files(input);
                } catch (IOException e) {
                    System.err.println(input + ": " + e.getMessage());
                    failed++;
                    continue;
                }
                for (Path file : files) {
                    try {
                        Notice n = parser.parse(CorpusWalker.read(input, file));
                        System.out.println(writer.writeValueAsString(n));
                        ok++;
                    } catch (NoticeParseException e) {
                        System.err.println("skipped " + e.getMessage());
                        failed++;
                    } catch (IOException e) {
                        System.err.println("skipped " + file + ": cannot read (" + e.getMessage() + ")");
                        failed++;
                    }
                }
            }
            System.err.println("parsed " + ok + " notice(s), " + failed + " failed");
            return ok == 0 ? 1 : 0;
        }
    }
}
