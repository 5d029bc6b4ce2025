package org.noticesearch.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rules issuer names are canonicalised by, read from {@code issuer-short-forms.tsv} (卫健委 → 卫生健康委员会) and
 * {@code issuer-kinds.tsv} (a name pattern → government, party, department, ...).
 */
public final class IssuerRules {
    /** A pattern searched in a canonical name, and the kind it gives. */
    public record KindRule(Pattern pattern, String kind) {}

    /** No short forms; every name is of kind {@code other}. */
    public static final IssuerRules NONE = new IssuerRules(Map.of(), List.of());

    private final Map<String, String> shortForms;
    private final Set<String> fullForms;
    private final int longestForm;
    private final List<KindRule> kinds;

    public IssuerRules(Map<String, String> shortForms, List<KindRule> kinds) {
        this.shortForms = Map.copyOf(shortForms);
        this.fullForms = Set.copyOf(shortForms.values());
        this.kinds = List.copyOf(kinds);
        int longest = 0;
        for (Map.Entry<String, String> e : shortForms.entrySet()) {
            longest = Math.max(longest, Math.max(e.getKey().length(), e.getValue().length()));
        }
        this.longestForm = longest;
    }

    public Map<String, String> shortForms() {
        return shortForms;
    }

    public List<KindRule> kinds() {
        return kinds;
    }

    public static IssuerRules load(Path shortFormsFile, Path kindsFile) {
        Map<String, String> shortForms = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (TsvLines l : TsvLines.read(shortFormsFile, "")) {
            if (l.cols().length != 2 || l.cols()[0].isBlank() || l.cols()[1].isBlank()) {
                throw new ConfigException(l.where() + ": expected 2 tab-separated columns (short form, full form), found '"
                        + String.join("⇥", l.cols()) + "'");
            }
            Integer prev = seen.putIfAbsent(l.cols()[0].strip(), l.number());
            if (prev != null) {
                throw new ConfigException(l.where() + ": the short form '" + l.cols()[0].strip() + "' is already listed on line " + prev);
            }
            shortForms.put(l.cols()[0].strip(), l.cols()[1].strip());
        }
        List<KindRule> kinds = new ArrayList<>();
        for (TsvLines l : TsvLines.read(kindsFile, "")) {
            if (l.cols().length != 2) {
                throw new ConfigException(l.where() + ": expected 2 tab-separated columns (pattern, kind), found " + l.cols().length);
            }
            String kind = l.cols()[1].strip();
            if (!Issuer.KINDS.contains(kind)) {
                throw new ConfigException(l.where() + ": kind '" + kind + "' must be one of " + String.join(", ", Issuer.KINDS));
            }
            try {
                kinds.add(new KindRule(Pattern.compile(l.cols()[0].strip()), kind));
            } catch (PatternSyntaxException e) {
                throw new ConfigException(l.where() + ": the pattern '" + l.cols()[0] + "' is not a valid regular expression ("
                        + e.getDescription() + ")");
            }
        }
        if (kinds.isEmpty()) {
            throw new ConfigException(kindsFile + ": lists no rule; end it with '.<TAB>other' at least");
        }
        return new IssuerRules(shortForms, kinds);
    }


    /** The office name with each short form replaced by its full form, the longest form found at each point first. */
    public String expand(String office) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < office.length()) {
            String hit = null;
            int len = 0;
            for (int l = Math.min(longestForm, office.length() - i); l >= 2 && hit == null; l--) {
                String s = office.substring(i, i + l);
                if (fullForms.contains(s)) {
                    hit = s; // already a full form: keep it whole, so its own short form inside is not expanded again
                } else if (shortForms.containsKey(s)) {
                    hit = shortForms.get(s);
                }
                len = l;
            }
            if (hit == null) {
                out.append(office.charAt(i));
                i++;
            } else {
                out.append(hit);
                i += len;
            }
        }
        return out.toString();
    }

    /** The kind of the first rule whose pattern is found in the name, or {@code other}. */
    public String kindOf(String canonical) {
        for (KindRule r : kinds) {
            if (r.pattern().matcher(canonical).find()) {
                return r.kind();
            }
        }
        return "other";
    }
}
