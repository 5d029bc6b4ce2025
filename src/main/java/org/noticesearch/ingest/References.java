package org.noticesearch.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.noticesearch.config.DocTypes;

/** What a notice's text points to: the documents it cites (《title》（number）) and the campaigns it names (“…行动”). */
final class References {
    private static final Pattern CITATION = Pattern.compile("《([^《》\\n]{2,200})》(?:\\s*[（(]([^（）()\\n]{4,40})[）)])?");
    private static final Pattern PAREN_NUMBER = Pattern.compile("[（(]([^（）()\\n]{4,40}?号)[）)]");
    private static final Pattern QUOTED = Pattern.compile("“([^“”\\n]{2,40})”");

    /** A cited title counts as a document when it ends like one (books and newspapers do not). */
    private final Pattern docTitleEnd;
    private final List<String> campaignSuffixes;

    References(DocTypes types, List<String> campaignSuffixes) {
        this.docTitleEnd = Pattern.compile("(?:" + types.alternation() + "|法|条例|规则|标准|计划|规划|纲要|方案|办法|汇报|报告|讲话"
                + "|意见[（(].*[）)]|[（(](?:试行|暂行)[）)])$");
        this.campaignSuffixes = List.copyOf(campaignSuffixes);
    }

    List<Citation> citations(List<String> paragraphs) {
        Set<Citation> out = new LinkedHashSet<>();
        for (String p : paragraphs) {
            Set<Integer> covered = new HashSet<>();
            Matcher m = CITATION.matcher(p);
            while (m.find()) {
                String t = TextNormalizer.tidySpaces(m.group(1));
                String dn = m.group(2) == null ? null : DocNumbers.parse(m.group(2)).map(DocNumber::canonical).orElse(null);
                if (dn != null) {
                    covered.add(m.start(2));
                }
                if (dn != null || docTitleEnd.matcher(t).find()) {
                    out.add(new Citation(t, dn));
                }
            }
            Matcher pn = PAREN_NUMBER.matcher(p);
            while (pn.find()) {
                if (!covered.contains(pn.start(1))) {
                    DocNumbers.parse(pn.group(1)).ifPresent(d -> out.add(new Citation(null, d.canonical())));
                }
            }
        }
        return List.copyOf(out);
    }

    List<String> campaigns(String title, List<String> paragraphs) {
        Set<String> out = new LinkedHashSet<>();
        List<String> texts = new ArrayList<>();
        if (title != null) {
            texts.add(title);
        }
        texts.addAll(paragraphs);
        for (String p : texts) {
            Matcher m = QUOTED.matcher(p);
            while (m.find()) {
                String name = TextNormalizer.tidySpaces(m.group(1));
                for (String suffix : campaignSuffixes) {
                    if (name.endsWith(suffix) && name.length() > suffix.length()) {
                        out.add(name);
                        break;
                    }
                }
            }
        }
        return List.copyOf(out);
    }
}
