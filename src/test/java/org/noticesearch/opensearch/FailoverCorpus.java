package org.noticesearch.opensearch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.config.Issuer;

/**
 * Writes notices for the failover test, deterministically from a seed: issuers and agency codes from
 * {@code index-config/issuers.tsv}, a GB/T 9704 head (issuer, document number, title, addressees), paragraphs that
 * combine the {@link #TOPICS} with skewed frequencies (so that queries have totals from a few to most of the corpus),
 * signature and date. The benchmark's Markov generator would give more natural text, but it is benchmark code, left
 * out with -Dno-bench; failover needs varied totals, not prose.
 *
 * <p>{@link #writeLate} writes the notices indexed while a node is down: their text shares no topic with the others,
 * so the load's totals stay the same while they arrive, and {@link #LATE_MARK} finds exactly them.
 */
final class FailoverCorpus {
    /** The words the load searches for; each notice's paragraphs are made of some of them. */
    static final List<String> TOPICS = List.of("乡村振兴", "巾帼建功", "家庭教育", "妇女儿童", "脱贫攻坚", "疫情防控", "志愿服务",
            "创业就业", "法治宣传", "文明家庭", "技能培训", "健康知识", "留守儿童", "关爱帮扶", "基层组织", "网络安全", "科技创新",
            "生态环保", "平安建设", "文化惠民", "婚姻家庭", "权益维护", "心理疏导", "托育服务", "数字经济", "产业发展", "人才培养",
            "社区治理", "反家暴", "最美家庭");
    /** Only in the notices written by {@link #writeLate}. */
    static final String LATE_MARK = "停机补录";

    private static final String[] VERBS = {"扎实推进", "深入开展", "持续加强", "认真做好", "大力支持", "统筹推动"};
    private static final String[] TYPES = {"通知", "意见", "通报", "方案"};

    private FailoverCorpus() {}

    /** Writes {@code count} notices into {@code dir}; the same seed writes the same files. */
    static void write(Path dir, int count, long seed, IndexConfig config) throws IOException {
        List<Issuer> issuers = issuers(config);
        SplittableRandom r = new SplittableRandom(seed);
        Files.createDirectories(dir);
        for (int i = 0; i < count; i++) {
            Issuer is = issuers.get(r.nextInt(issuers.size()));
            int year = 2010 + r.nextInt(15);
            StringBuilder body = new StringBuilder();
            String main = topic(r);
            for (int p = 0, paragraphs = 3 + r.nextInt(5); p < paragraphs; p++) {
                body.append(VERBS[r.nextInt(VERBS.length)]).append(p == 0 ? main : topic(r)).append("工作，")
                        .append("把").append(topic(r)).append("同").append(topic(r)).append("结合起来，")
                        .append("各地要按照要求，结合实际，抓好落实，第").append(i).append("号文件所列事项按期报送。\n");
            }
            write(dir.resolve("n" + i + ".txt"), is, year, i, "关于" + VERBS[r.nextInt(VERBS.length)] + main + "工作的"
                    + TYPES[r.nextInt(TYPES.length)], body.toString(), 1 + r.nextInt(12), 1 + r.nextInt(28));
        }
    }

    /** Writes {@code count} notices that share no topic with {@link #write}'s and all carry {@link #LATE_MARK}. */
    static void writeLate(Path dir, int count, IndexConfig config) throws IOException {
        List<Issuer> issuers = issuers(config);
        Files.createDirectories(dir);
        for (int i = 0; i < count; i++) {
            write(dir.resolve("late" + i + ".txt"), issuers.get(i % issuers.size()), 2025, 900 + i, "关于" + LATE_MARK + "第" + i + "份材料的函",
                    "本件是节点" + LATE_MARK + "的第" + i + "份材料，用于核对停机期间写入的文件是否全部可查。\n请于月底前回复。\n", 6, 1 + i % 28);
        }
    }

    /** Skewed towards the first topics (squared uniform), so that totals range widely. */
    private static String topic(SplittableRandom r) {
        double u = r.nextDouble();
        return TOPICS.get((int) (u * u * TOPICS.size()));
    }

    private static List<Issuer> issuers(IndexConfig config) {
        List<Issuer> out = config.issuers().all().stream()
                .filter(i -> i.canonical().endsWith("妇女联合会") && !i.agencyPrefixes().isEmpty()).toList();
        if (out.isEmpty()) {
            throw new IllegalStateException("index-config/issuers.tsv lists no 妇女联合会 with an agency code");
        }
        return out;
    }

    private static void write(Path file, Issuer is, int year, int number, String title, String body, int month, int day) throws IOException {
        String text = is.canonical() + "文件\n\n" + is.agencyPrefixes().get(0) + "〔" + year + "〕" + (number % 300 + 1) + "号\n\n"
                + title + "\n\n各市、县妇联，机关各部室：\n" + body + "\n" + is.canonical() + "\n" + year + "年" + month + "月" + day + "日\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
