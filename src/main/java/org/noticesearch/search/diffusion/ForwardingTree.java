package org.noticesearch.search.diffusion;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The forwarding tree of a notice: the notices citing it, the notices citing those, and so on down, read breadth
 * first so that a size limit cuts the deepest branches, not the first ones. A notice reached a second time (a cycle,
 * or a notice citing two notices of the tree) is shown again as a {@code repeat} leaf, never expanded twice; a notice
 * citing itself is left out and counted. Where a limit stops the walk, the node says how many citing notices it does
 * not show and the tree says which limit was hit.
 */
public final class ForwardingTree {
    /** Levels of citing notices below the root, unless the request asks otherwise. */
    public static final int DEFAULT_MAX_DEPTH = 5;
    /** The deepest a request may ask for: real forwarding chains are national → province → city → county → township. */
    public static final int MAX_MAX_DEPTH = 10;
    /** Notices in a tree (the root and repeats included), unless the request asks otherwise. */
    public static final int DEFAULT_MAX_NODES = 500;
    /** The most a request may ask for: more is no longer a tree one reads, and each node costs a look-up. */
    public static final int MAX_MAX_NODES = 5000;

    /** 转发…的通知: a notice that forwards another one whole. */
    private static final Pattern FORWARD_TITLE = Pattern.compile("转发.+的通知");

    private ForwardingTree() {}

    /** How deep and how large a tree may grow. */
    public record Limits(int maxDepth, int maxNodes) {
        public Limits {
            if (maxDepth < 1 || maxDepth > MAX_MAX_DEPTH) {
                throw new IllegalArgumentException("maxDepth must be 1.." + MAX_MAX_DEPTH + ", not " + maxDepth);
            }
            if (maxNodes < 1 || maxNodes > MAX_MAX_NODES) {
                throw new IllegalArgumentException("maxNodes must be 1.." + MAX_MAX_NODES + ", not " + maxNodes);
            }
        }

        public static final Limits DEFAULT = new Limits(DEFAULT_MAX_DEPTH, DEFAULT_MAX_NODES);
    }

    /**
     * One notice of the tree. {@code lagDays}: days after the root, when both have a whole date. {@code forwarding}:
     * 转发 for a 转发…的通知, 印发 or 贯彻落实 for such a notice citing its parent, else null. {@code repeat}: shown
     * already elsewhere in the tree, not expanded here. {@code notShown}: citing notices a limit kept out.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Node(String id, String title, String docNumber, String issuer, String province, String level,
                       String date, Integer year, Long lagDays, String forwarding, Boolean repeat, Integer notShown,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Node> children) {
        public Node {
            children = List.copyOf(children);
        }
    }

    /** The whole tree with its limits, counts and which limits were hit. */
    public record Tree(Node root, Limits limits, int notices, int edges, boolean depthLimitHit, boolean sizeLimitHit,
                       int selfCitations) {}

    /**
     * Builds the tree of {@code root}, asking {@code citing} for the notices that cite each notice of a level (by id),
     * once per level.
     */
    public static Tree build(DiffusionNotice root, Function<List<DiffusionNotice>, Map<String, List<DiffusionNotice>>> citing,
                             Limits limits) {
        Draft top = new Draft(root, null, 0, false);
        Set<String> placed = new HashSet<>();
        placed.add(root.id());
        Deque<Draft> queue = new ArrayDeque<>();
        queue.add(top);
        int entries = 1;
        int edges = 0;
        int self = 0;
        boolean depthHit = false;
        boolean sizeHit = false;
        Map<String, List<DiffusionNotice>> level = Map.of();
        while (!queue.isEmpty()) {
            Draft d = queue.poll();
            if (!level.containsKey(d.notice.id())) {
                // The queue holds one level, then the next: ask for every notice of this level at once.
                level = citing.apply(queue.stream().filter(x -> x.depth == d.depth).map(x -> x.notice)
                        .collect(java.util.stream.Collectors.toCollection(() -> new ArrayList<>(List.of(d.notice)))));
            }
            List<DiffusionNotice> kids = new ArrayList<>();
            Set<String> kidIds = new HashSet<>(); // a much-cited notice has hundreds of citing notices: no pairwise scan
            for (DiffusionNotice k : level.getOrDefault(d.notice.id(), List.of())) {
                if (k.id().equals(d.notice.id())) {
                    self++;
                } else if (kidIds.add(k.id())) {
                    kids.add(k);
                }
            }
            kids = Adoption.earliestFirst(kids);
            if (d.depth >= limits.maxDepth()) {
                if (!kids.isEmpty()) {
                    d.notShown = kids.size();
                    depthHit = true;
                }
                continue;
            }
            for (DiffusionNotice k : kids) {
                if (entries >= limits.maxNodes()) {
                    d.notShown = (d.notShown == null ? 0 : d.notShown) + 1;
                    sizeHit = true;
                    continue;
                }
                boolean repeat = !placed.add(k.id());
                Draft child = new Draft(k, d.notice, d.depth + 1, repeat);
                d.children.add(child);
                entries++;
                edges++;
                if (!repeat) {
                    queue.add(child);
                }
            }
        }
        return new Tree(top.freeze(root.day()), limits, placed.size(), edges, depthHit, sizeHit, self);
    }

    /** What kind of forwarding a notice is, as its title says; null for a notice that only cites. */
    static String forwarding(DiffusionNotice n, DiffusionNotice parent) {
        String t = n.title();
        if (t == null || parent == null) {
            return null;
        }
        if (FORWARD_TITLE.matcher(t).find()) {
            return "转发";
        }
        if (n.cites(parent)) {
            if (t.contains("贯彻落实")) {
                return "贯彻落实";
            }
            if (t.contains("印发")) {
                return "印发";
            }
        }
        return null;
    }

    /** A node while the tree grows. */
    private static final class Draft {
        final DiffusionNotice notice;
        final DiffusionNotice parent;
        final int depth;
        final boolean repeat;
        final List<Draft> children = new ArrayList<>();
        Integer notShown;

        Draft(DiffusionNotice notice, DiffusionNotice parent, int depth, boolean repeat) {
            this.notice = notice;
            this.parent = parent;
            this.depth = depth;
            this.repeat = repeat;
        }

        Node freeze(LocalDate rootDay) {
            LocalDate day = notice.day();
            Long lag = rootDay != null && day != null ? ChronoUnit.DAYS.between(rootDay, day) : null;
            List<Node> kids = children.stream().map(c -> c.freeze(rootDay)).toList();
            return new Node(notice.id(), notice.title(), notice.docNumber(), notice.issuer(), notice.province(),
                    notice.issuerLevel(), day == null ? null : day.toString(), notice.knownYear(), lag,
                    forwarding(notice, parent), repeat ? Boolean.TRUE : null, notShown, kids);
        }
    }
}
