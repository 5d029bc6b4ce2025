package org.noticesearch;

import java.io.PrintWriter;
import org.noticesearch.search.diffusion.Adoption;
import org.noticesearch.search.diffusion.ForwardingTree;

/** Adopters and forwarding trees as plain text for the terminal: one line per adopter, one indented line per notice. */
final class DiffusionPrinter {
    private DiffusionPrinter() {}

    static void printAdopters(Adoption.Report r, PrintWriter out) {
        out.println(r.matches() + " matching notices, " + r.adopterCount() + " adopters"
                + (r.origin() == null ? "" : ", first " + r.origin().date() + " (" + r.origin().id() + ")")
                + (r.partial() ? " [partial: the search stopped at its limit]" : ""));
        out.println("first             lag   level     n  issuer (province)  first notice");
        for (Adoption.Adopter a : r.adopters()) {
            out.printf("%-16s  %4s  %-8s %2d  %s (%s)  %s %s%n", when(a.first()), a.lagDays() == null ? "-" : a.lagDays().toString(),
                    a.level() == null ? "-" : a.level(), a.count(), a.issuer(), a.province() == null ? "-" : a.province(),
                    a.first().id(), a.first().docNumber() == null ? "" : a.first().docNumber());
        }
        for (Adoption.LevelLag l : r.levels()) {
            if (l.adopters() > 0) {
                out.println("level " + l.level() + ": " + l.adopters() + " adopters, median lag "
                        + (l.medianLagDays() == null ? "-" : l.medianLagDays() + " days") + " (" + l.dated() + " dated)");
            }
        }
        for (Adoption.Follow f : r.follows()) {
            out.println("follows: " + f.follower() + " → " + f.leader() + " (" + f.followerNotice() + " cites " + f.leaderNotice() + ")");
        }
    }

    /** A date, or the year followed by “(year only)”, or “undated”. */
    private static String when(Adoption.Ref r) {
        return r.date() != null ? r.date() : r.year() != null ? r.year() + " (year only)" : "undated";
    }

    static void printTree(ForwardingTree.Tree t, PrintWriter out) {
        node(t.root(), 0, out);
        out.println(t.notices() + " notices, " + t.edges() + " citations"
                + (t.selfCitations() > 0 ? ", " + t.selfCitations() + " self-citations left out" : "")
                + (t.depthLimitHit() ? "; depth limit " + t.limits().maxDepth() + " reached" : "")
                + (t.sizeLimitHit() ? "; size limit " + t.limits().maxNodes() + " reached" : ""));
    }

    private static void node(ForwardingTree.Node n, int depth, PrintWriter out) {
        out.println("  ".repeat(depth) + (depth == 0 ? "" : "└ ") + (n.date() != null ? n.date() : n.year() != null ? n.year() + "" : "undated")
                + (n.lagDays() != null && depth > 0 ? " +" + n.lagDays() + "d" : "")
                + (n.forwarding() != null ? " [" + n.forwarding() + "]" : "")
                + " " + (n.issuer() == null ? "-" : n.issuer()) + (n.level() == null ? "" : " (" + n.level() + ")")
                + " " + n.id() + (n.docNumber() == null ? "" : " " + n.docNumber())
                + (Boolean.TRUE.equals(n.repeat()) ? " (shown above)" : "")
                + (n.notShown() != null ? " … " + n.notShown() + " more not shown" : ""));
        for (ForwardingTree.Node c : n.children()) {
            node(c, depth + 1, out);
        }
    }
}
