package org.noticesearch;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.search.BadRequestException;
import org.noticesearch.search.NotFoundException;
import org.noticesearch.search.SearchBackend;
import org.noticesearch.search.diffusion.Adoption;
import org.noticesearch.search.diffusion.DiffusionService;
import org.noticesearch.search.diffusion.ForwardingTree;
import org.noticesearch.search.diffusion.ServiceDiffusionSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The CLI's {@code diffusion QUERY}: the adopters of a search (one line per issuer: first notice, level, lag, count)
 * with the median lag per level, or with {@code --tree ID} the forwarding tree of a notice, indented by depth.
 */
@Command(name = "diffusion", mixinStandardHelpOptions = true,
        description = "Who took up a campaign or policy and when (adopters), or the forwarding tree of one notice (--tree ID).")
public final class DiffusionCommand implements Callable<Integer> {
    @CommandLine.Mixin
    App.ConfigOption config = new App.ConfigOption();

    @CommandLine.Mixin
    App.QueryOptions query = new App.QueryOptions();

    @Option(names = "--tree", paramLabel = "ID", description = "print the forwarding tree of this notice instead of the adopters")
    String tree;

    @Option(names = "--depth", description = "tree depth limit (default: ${DEFAULT-VALUE})", defaultValue = "" + ForwardingTree.DEFAULT_MAX_DEPTH)
    int depth;

    @Option(names = "--nodes", description = "tree size limit (default: ${DEFAULT-VALUE})", defaultValue = "" + ForwardingTree.DEFAULT_MAX_NODES)
    int nodes;

    @CommandLine.Mixin
    App.BackendOptions backend = new App.BackendOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        IndexConfig cfg = config.load();
        try (org.noticesearch.search.Backend b = App.openBackend(backend, spec, cfg, query.index, 1, App.Access.SEARCH)) {
            return run(b.service(), cfg);
        }
    }

    private int run(SearchBackend searcher, IndexConfig cfg) throws IOException {
        DiffusionService service = new DiffusionService(new ServiceDiffusionSource(searcher));
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (tree != null) {
                ForwardingTree.Limits limits;
                try {
                    limits = new ForwardingTree.Limits(depth, nodes);
                } catch (IllegalArgumentException e) {
                    spec.commandLine().getErr().println("error: --depth must be 1.." + ForwardingTree.MAX_MAX_DEPTH
                            + " and --nodes 1.." + ForwardingTree.MAX_MAX_NODES);
                    return 2;
                }
                ForwardingTree.Tree t = service.tree(tree, limits);
                if (query.json) {
                    out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(t));
                } else {
                    DiffusionPrinter.printTree(t, out);
                }
            } else {
                Adoption.Report r = service.adopters(query.request().validated(cfg.settings()));
                if (query.json) {
                    out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(r));
                } else {
                    DiffusionPrinter.printAdopters(r, out);
                }
            }
        } catch (BadRequestException | NotFoundException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 2;
        }
        out.flush();
        return 0;
    }
}
