package org.noticesearch.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.config.Issuer;
import org.noticesearch.ingest.Notice;
import org.noticesearch.ingest.NoticeParser;
import org.noticesearch.ingest.ParseReport;

/**
 * Writes N synthetic notices in the corpus layout, deterministically from a seed: GB/T 9704 structure,
 * issuers and agency codes from {@code index-config/issuers.tsv}, dates 2005–2025, document numbers
 * counted per agency and year in date order, campaign names in “…” and citations 《title》（number） of
 * earlier generated notices, lengths 1–20 KB (log-normal, long tail), some files hard-wrapped like PDF
 * text and some GBK-encoded. Body text comes from a {@link MarkovModel} over the seed notices' smartcn
 * words; place and person names are drawn from large generated lexicons with Zipf frequencies, so that
 * the vocabulary has a long tail of rare terms as real notices do.
 *
 * <p>Usage: {@code CorpusGenerator --count N [--seed S] [--out DIR] [--seed-corpus corpus] [--config index-config]
 * [--plant C,P,K]} ({@link Planting}: planted diffusion, off by default).
 */
public final class CorpusGenerator {
    public static final long DEFAULT_SEED = 20250101L;
    public static final String MANIFEST = "manifest.tsv";
    /** Share of files hard-wrapped like PDF text, and of files written in GBK. */
    static final double HARD_WRAPPED = 0.15;
    static final double GBK = 0.10;
    static final int MIN_BYTES = 1024;
    static final int MAX_BYTES = 20 * 1024;

    private static final String PLACE_FIRST = "东西南北中上下大小新金银河山江湖海平安和兴华龙凤宝阳泉林石桥柳梅桃李青白红黄长永丰富康宁乐昌盛德文武高清水云城岭台沙溪峰田源庄湾塘坪坝";
    private static final String PLACE_SECOND = "阳山江河川州源泉林峰宁安平和兴华明德化丰城溪湖口坪塘桥庄坝集沟店营屯镇岗台岭滨浦港渡洲关堡寨";
    private static final String[] PLACE_SUFFIX = {"县", "区", "镇", "乡", "村", "街道", "社区"};
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String GIVEN = "秀英华玉兰芳丽敏静丹霞红梅琳燕娟艳萍雪琴云莲洁慧颖倩婷欣瑶怡佳雯晶宁蕾薇菲丽娜珍凤翠桂芬淑惠巧美娇月莹玲春秋冬夏明建国志军伟强磊洋勇杰涛斌超波辉刚健";
    private static final String[] TYPES = {"通知", "通知", "通知", "通知", "通知", "通知", "通知", "通知", "通知", "通知",
            "意见", "意见", "通报", "通报", "决定", "方案", "实施方案", "报告", "批复", "函", "公告", "工作要点", "办法", "规定"};
    private static final String[] AGENCY_SUFFIX = {"", "发", "字", "通字", "办发", "办", "函"};
    private static final String[] CAMPAIGN_SUFFIX = {"行动", "计划", "工程", "活动", "项目", "竞赛", "评选"};

    private final MarkovModel model;
    private final List<Issuer> issuers;
    private final List<String> seedWords;
    private final Zipf places;
    private final String[] placeNames;
    private final String[] campaigns;
    private final Zipf campaignZipf;
    private final Path configDir;

    /**
     * Planted diffusion (off unless asked for): {@code campaigns} campaigns each start with a notice of 全国妇联 on a
     * drawn date; {@code provinces} provincial federations take each up after a drawn lag with a 转发 notice citing
     * the national number, and {@code cities} cities of each such province follow their province after another lag
     * (a 转发, 贯彻落实 or 印发 notice citing the province's number). The planted notices come after the
     * {@code count} ordinary ones, from random streams of their own, so the ordinary ones stay byte-identical.
     */
    public record Planting(int campaigns, int provinces, int cities) {
        public static final Planting NONE = new Planting(0, 0, 0);
        /** Lags in days after the parent notice: at least MIN, below MIN + SPREAD. */
        static final int MIN_LAG = 3, PROVINCE_LAG_SPREAD = 120, CITY_LAG_SPREAD = 90;
    }

    /**
     * One planted notice, as the generator decided it: which campaign, its issuer's level and province, its date and
     * number, the index of the notice it forwards (-1 for a campaign's national notice) and the kind of forwarding
     * its title says (转发, 贯彻落实, 印发, or null).
     */
    public record Planted(int index, String campaign, String issuer, String level, String province, LocalDate date,
                          String docNumber, String title, int parent, String forwarding) {}

    /** What the generator decided for one notice before writing it; the manifest lists these. */
    public record Meta(int index, String path, String issuer, String agency, LocalDate date, String docNumber,
                       String title, String type, boolean hardWrapped, boolean gbk, int targetBytes, int[] cites,
                       List<String> campaigns) {}

    public CorpusGenerator(MarkovModel model, IndexConfig config) {
        this.model = model;
        this.configDir = config.dir();
        // The generator writes women's-federation notices (its addressees and bodies are theirs): only their issuers.
        this.issuers = config.issuers().all().stream().filter(i -> i.canonical().endsWith("妇女联合会")).toList();
        this.seedWords = model.wordsByFrequency();
        // Deterministic lexicons: every place name the two character lists can make, in a fixed shuffled order.
        List<String> names = new ArrayList<>();
        for (int i = 0; i < PLACE_FIRST.length(); i++) {
            for (int j = 0; j < PLACE_SECOND.length(); j++) {
                if (PLACE_FIRST.charAt(i) != PLACE_SECOND.charAt(j)) {
                    for (String s : PLACE_SUFFIX) {
                        names.add("" + PLACE_FIRST.charAt(i) + PLACE_SECOND.charAt(j) + s);
                    }
                }
            }
        }
        java.util.Collections.shuffle(names, new Random(7));
        this.placeNames = names.toArray(String[]::new);
        this.places = new Zipf(placeNames.length, 1.05);
        Random cr = new Random(11);
        LinkedHashSet<String> cs = new LinkedHashSet<>();
        List<String> pool = seedWords.subList(0, Math.min(400, seedWords.size()));
        while (cs.size() < 600 && pool.size() > 3) {
            String a = pool.get(cr.nextInt(pool.size()));
            String b = pool.get(cr.nextInt(pool.size()));
            if (!a.equals(b)) {
                cs.add(a + b + CAMPAIGN_SUFFIX[cr.nextInt(CAMPAIGN_SUFFIX.length)]);
            }
        }
        this.campaigns = cs.toArray(String[]::new);
        this.campaignZipf = new Zipf(Math.max(1, campaigns.length), 1.1);
    }

    /** Trains the model on the body paragraphs of the seed notices. */
    public static CorpusGenerator fromSeeds(Path seedCorpus, IndexConfig config) throws IOException {
        ParseReport report = new NoticeParser(config).parseAll(seedCorpus);
        List<String> paragraphs = new ArrayList<>();
        for (Notice n : report.notices()) {
            paragraphs.addAll(n.paragraphs());
        }
        if (paragraphs.isEmpty()) {
            throw new IOException(seedCorpus + ": no seed notice could be parsed to train the text model");
        }
        return new CorpusGenerator(MarkovModel.train(paragraphs), config);
    }

    public MarkovModel model() {
        return model;
    }

    /** Generates {@code count} notices into {@code out} (which should be empty) and writes the manifest beside them. */
    public List<Meta> generate(long seed, int count, Path out) throws IOException {
        return generate(seed, count, out, Planting.NONE, new ArrayList<>());
    }

    /**
     * {@link #generate(long, int, Path)} plus the planted diffusion of {@code planting}, whose notices are added to
     * {@code planted} (the record of what was planted, for tests to compare with); the returned list holds them too.
     */
    public List<Meta> generate(long seed, int count, Path out, Planting planting, List<Planted> planted) throws IOException {
        Files.createDirectories(out);
        List<Meta> metas = new ArrayList<>(plan(seed, count));
        Map<String, Issuer> byName = new HashMap<>();
        issuers.forEach(i -> byName.put(i.canonical(), i));
        planted.addAll(plant(seed, metas, planting, byName));
        int total = metas.size();
        try {
            IntStream.range(0, total).parallel().forEach(i -> {
                Meta m = metas.get(i);
                SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
                byte[] bytes = encode(render(m, metas, byName.get(m.issuer()), r), m.gbk());
                Path file = out.resolve(m.path());
                try {
                    Files.createDirectories(file.getParent());
                    Files.write(file, bytes);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writeManifest(out.resolveSibling(out.getFileName() + "." + MANIFEST), metas);
        return metas;
    }

    /** Everything but the body: issuer, date, number, title, citations. Sequential, so numbers count in date order. */
    List<Meta> plan(long seed, int count) {
        Random r = new Random(seed);
        int days = (int) (LocalDate.of(2025, 12, 31).toEpochDay() - LocalDate.of(2005, 1, 1).toEpochDay());
        Zipf issuerZipf = new Zipf(issuers.size(), 0.8);
        Map<String, List<String>> agencies = new HashMap<>();
        for (Issuer is : issuers) {
            List<String> codes = new ArrayList<>();
            for (String p : is.agencyPrefixes()) {
                if (is.level().equals("national")) {
                    codes.add(p);
                } else {
                    int k = 1 + r.nextInt(3);
                    LinkedHashSet<String> picked = new LinkedHashSet<>();
                    while (picked.size() < k) {
                        picked.add(p + AGENCY_SUFFIX[r.nextInt(AGENCY_SUFFIX.length)]);
                    }
                    codes.addAll(picked);
                }
            }
            agencies.put(is.canonical(), codes);
        }
        record Draft(int index, Issuer issuer, String agency, LocalDate date, boolean numbered) {}
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Issuer is = issuers.get(issuerZipf.sample(r));
            List<String> codes = agencies.get(is.canonical());
            drafts.add(new Draft(i, is, codes.get(r.nextInt(codes.size())),
                    LocalDate.of(2005, 1, 1).plusDays(r.nextInt(days + 1)), r.nextDouble() < 0.9));
        }
        // Serial numbers per agency and year, in date order.
        Integer[] byDate = new Integer[count];
        for (int i = 0; i < count; i++) {
            byDate[i] = i;
        }
        Arrays.sort(byDate, (a, b) -> {
            int c = drafts.get(a).date.compareTo(drafts.get(b).date);
            return c != 0 ? c : Integer.compare(a, b);
        });
        String[] numbers = new String[count];
        int[] rank = new int[count];
        Map<String, Integer> serials = new HashMap<>();
        for (int k = 0; k < count; k++) {
            Draft d = drafts.get(byDate[k]);
            rank[d.index] = k;
            if (d.numbered) {
                int serial = serials.merge(d.agency + d.date.getYear(), 1 + r.nextInt(3), Integer::sum);
                numbers[d.index] = d.agency + "〔" + d.date.getYear() + "〕" + serial + "号";
            }
        }
        List<Meta> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Draft d = drafts.get(i);
            SplittableRandom tr = new SplittableRandom(seed ^ (0x51ED270B27AL * (i + 1)));
            List<String> camp = new ArrayList<>();
            int nc = tr.nextDouble() < 0.5 ? 0 : 1 + tr.nextInt(2);
            for (int c = 0; c < nc && campaigns.length > 0; c++) {
                String name = campaigns[campaignZipf.sample(tr)];
                if (!camp.contains(name)) {
                    camp.add(name);
                }
            }
            String type = TYPES[tr.nextInt(TYPES.length)];
            String title = title(d.issuer, camp, type, tr);
            // Cite up to three notices dated earlier.
            int nCites = rank[i] == 0 ? 0 : tr.nextDouble() < 0.4 ? 1 + tr.nextInt(3) : 0;
            int[] cites = new int[nCites];
            for (int c = 0; c < nCites; c++) {
                cites[c] = byDate[tr.nextInt(rank[i])];
            }
            double ln = Math.exp(Math.log(3200) + 0.75 * nextGaussian(tr));
            int target = (int) Math.max(MIN_BYTES, Math.min(MAX_BYTES, ln));
            String path = String.format("%03d/%06d.txt", i / 1000, i);
            out.add(new Meta(i, path, d.issuer.canonical(), d.agency, d.date, numbers[i], title, type,
                    tr.nextDouble() < HARD_WRAPPED, tr.nextDouble() < GBK, target, cites, List.copyOf(camp)));
        }
        return out;
    }

    /**
     * Appends the planted notices to {@code metas} and returns what was planted. Numbers are drawn so that none is
     * already used by an ordinary notice; city federations (not in issuers.tsv, named by the place rules) are added
     * to {@code byName} so that they can be rendered.
     */
    private List<Planted> plant(long seed, List<Meta> metas, Planting planting, Map<String, Issuer> byName) {
        if (planting.campaigns() <= 0) {
            return List.of();
        }
        Random r = new Random(seed ^ 0x5DEECE66DL ^ 0x7A5E);
        java.util.Set<String> used = new java.util.HashSet<>();
        metas.forEach(m -> {
            if (m.docNumber() != null) {
                used.add(m.docNumber());
            }
        });
        Issuer national = issuers.stream().filter(i -> i.level().equals("national")).findFirst().orElseThrow();
        org.noticesearch.config.Places places = org.noticesearch.config.Places.load(configDir.resolve(IndexConfig.DIVISIONS));
        // Cities the place rules name unambiguously (a 市 whose name no other division shares), by province.
        Map<String, List<org.noticesearch.config.Places.Place>> citiesOf = new HashMap<>();
        for (org.noticesearch.config.Places.Place pl : places.all()) {
            if (pl.level().equals("city") && pl.name().endsWith("市") && !places.ambiguous(pl.name())) {
                citiesOf.computeIfAbsent(pl.province(), k -> new ArrayList<>()).add(pl);
            }
        }
        // Only provinces with enough such cities, so that every campaign has the shape asked for.
        List<Issuer> provinces = issuers.stream().filter(i -> i.level().equals("province")
                && citiesOf.getOrDefault(i.province(), List.of()).size() >= planting.cities()).toList();
        List<Planted> out = new ArrayList<>();
        for (int c = 0; c < planting.campaigns(); c++) {
            String campaign = "巾帼传递第" + (c + 1) + "号行动";
            LocalDate start = LocalDate.of(2008, 1, 1).plusDays(r.nextInt(365 * 14));
            String rootTitle = national.canonical() + "关于开展“" + campaign + "”的通知";
            int root = addPlanted(metas, out, used, r, national, national.agencyPrefixes().get(0), start, rootTitle,
                    campaign, -1, null);
            List<Issuer> ps = new ArrayList<>(provinces);
            java.util.Collections.shuffle(ps, r);
            for (Issuer p : ps.subList(0, Math.min(planting.provinces(), ps.size()))) {
                LocalDate pd = start.plusDays(Planting.MIN_LAG + r.nextInt(Planting.PROVINCE_LAG_SPREAD));
                // Without 《》 around the forwarded title: a citation of the province's notice then cites it alone.
                String pTitle = p.canonical() + "关于转发" + rootTitle + "的通知";
                int pi = addPlanted(metas, out, used, r, p, p.agencyPrefixes().get(0) + "发", pd, pTitle, campaign, root, "转发");
                List<org.noticesearch.config.Places.Place> cities = new ArrayList<>(citiesOf.get(p.province()));
                java.util.Collections.shuffle(cities, r);
                for (org.noticesearch.config.Places.Place city : cities.subList(0, Math.min(planting.cities(), cities.size()))) {
                    Issuer ci = byName.computeIfAbsent(city.name() + "妇女联合会", name -> new Issuer(name, List.of(),
                            p.province(), "city", List.of(city.name().substring(0, city.name().length() - 1) + "妇联")));
                    LocalDate cd = pd.plusDays(Planting.MIN_LAG + r.nextInt(Planting.CITY_LAG_SPREAD));
                    String[] kinds = {"转发", "贯彻落实", "印发"};
                    String kind = kinds[r.nextInt(kinds.length)];
                    String cTitle = switch (kind) {
                        case "转发" -> ci.canonical() + "关于转发" + pTitle + "的通知";
                        case "贯彻落实" -> ci.canonical() + "关于贯彻落实“" + campaign + "”的通知";
                        default -> ci.canonical() + "关于印发“" + campaign + "”实施方案的通知";
                    };
                    addPlanted(metas, out, used, r, ci, ci.agencyPrefixes().get(0) + "发", cd, cTitle, campaign, pi, kind);
                }
            }
        }
        return out;
    }

    private static int addPlanted(List<Meta> metas, List<Planted> out, java.util.Set<String> used, Random r, Issuer issuer,
                                  String agency, LocalDate date, String title, String campaign, int parent, String kind) {
        int serial = 1 + r.nextInt(60);
        String number;
        while (!used.add(number = agency + "〔" + date.getYear() + "〕" + serial + "号")) {
            serial++;
        }
        int index = metas.size();
        int[] cites = parent < 0 ? new int[0] : new int[]{parent};
        metas.add(new Meta(index, String.format("planted/%06d.txt", index), issuer.canonical(), agency, date, number,
                title, "通知", r.nextDouble() < HARD_WRAPPED, r.nextDouble() < GBK, 1500 + r.nextInt(3000), cites,
                List.of(campaign)));
        out.add(new Planted(index, campaign, issuer.canonical(), issuer.level(), issuer.province(), date, number, title,
                parent, kind));
        return index;
    }

    private static double nextGaussian(SplittableRandom r) {
        // Box–Muller: SplittableRandom's own nextGaussian is not specified to be stable across JDKs.
        double u = 1.0 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private String title(Issuer issuer, List<String> camp, String type, RandomGenerator r) {
        StringBuilder t = new StringBuilder();
        if (r.nextDouble() < 0.6) {
            t.append(issuer.canonical());
        }
        t.append("关于");
        if (!camp.isEmpty() && r.nextDouble() < 0.5) {
            t.append(r.nextBoolean() ? "开展" : "做好").append("“").append(camp.get(0)).append("”");
            if (r.nextBoolean()) {
                t.append("有关工作");
            }
        } else {
            t.append(fragment(r, 4 + r.nextInt(14)));
        }
        t.append("的").append(type);
        return t.toString();
    }

    /** A run of Han-only words from a generated paragraph, about {@code chars} long. */
    private String fragment(RandomGenerator r, int chars) {
        for (int attempt = 0; attempt < 20; attempt++) {
            List<String> toks = model.paragraphTokens(r, 60);
            int start = r.nextInt(Math.max(1, toks.size()));
            StringBuilder sb = new StringBuilder();
            for (int i = start; i < toks.size() && sb.length() < chars; i++) {
                String tok = toks.get(i);
                if (!tok.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
                    break;
                }
                sb.append(tok);
            }
            if (sb.length() >= Math.min(4, chars)) {
                return sb.toString();
            }
        }
        return seedWords.get(r.nextInt(Math.min(50, seedWords.size()))) + "工作";
    }

    /** The text of one notice, lines separated by newlines. */
    String render(Meta m, List<Meta> all, RandomGenerator r) {
        return render(m, all, issuers.stream().filter(i -> i.canonical().equals(m.issuer())).findFirst().orElseThrow(), r);
    }

    private String render(Meta m, List<Meta> all, Issuer issuer, RandomGenerator r) {
        List<String> lines = new ArrayList<>();
        if (r.nextDouble() < 0.1) {
            lines.add(r.nextBoolean() ? "特急" : "机密★1年");
        }
        if (r.nextDouble() < 0.75) {
            lines.add(issuer.canonical() + "文件");
            lines.add("");
        }
        if (m.docNumber() != null) {
            lines.add(m.docNumber());
            lines.add("");
        }
        lines.addAll(titleLines(m.title(), r));
        lines.add("");
        lines.add(addressees(issuer, r));
        List<String> body = body(m, all, issuer, r);
        lines.addAll(m.hardWrapped() ? hardWrap(body, r) : body);
        lines.add("");
        if (r.nextDouble() < 0.2) {
            lines.add("附件：1." + fragment(r, 6 + r.nextInt(8)) + "名单");
            for (int k = 2, n = 2 + r.nextInt(3); k <= n; k++) {
                lines.add("      " + k + "." + fragment(r, 6 + r.nextInt(8)) + (r.nextBoolean() ? "表" : "汇总表"));
            }
            lines.add("");
        }
        lines.add(r.nextDouble() < 0.85 || issuer.aliases().isEmpty() ? issuer.canonical() : issuer.aliases().get(0));
        lines.add(r.nextDouble() < 0.15 ? chineseDate(m.date()) : m.date().getYear() + "年" + m.date().getMonthValue() + "月" + m.date().getDayOfMonth() + "日");
        if (r.nextDouble() < 0.3) {
            lines.add("");
            lines.add("抄送：" + placeName(r) + "妇联，" + placeName(r) + "妇联。");
            LocalDate printed = m.date().plusDays(r.nextInt(4));
            lines.add(issuer.canonical() + "办公室          " + printed.getYear() + "年" + printed.getMonthValue() + "月" + printed.getDayOfMonth() + "日印发");
        }
        String nl = r.nextDouble() < 0.05 ? "\r\n" : "\n";
        return String.join(nl, lines) + nl;
    }

    private static List<String> titleLines(String title, RandomGenerator r) {
        if (title.length() <= 22) {
            return List.of(title);
        }
        // Multi-line title, broken before 关于 and then about every 18 characters.
        List<String> out = new ArrayList<>();
        int about = title.indexOf("关于");
        String rest = title;
        if (about > 0) {
            out.add(title.substring(0, about));
            rest = title.substring(about);
        }
        while (rest.length() > 22) {
            int cut = 14 + r.nextInt(6);
            // Never split inside the “…” of a campaign name.
            int q1 = rest.indexOf('“');
            int q2 = rest.indexOf('”');
            if (q1 >= 0 && q1 < cut && q2 >= cut) {
                cut = q2 + 1;
            }
            if (cut >= rest.length() - 2) {
                break;
            }
            out.add(rest.substring(0, cut));
            rest = rest.substring(cut);
        }
        out.add(rest);
        return out;
    }

    private String addressees(Issuer issuer, RandomGenerator r) {
        return switch (issuer.level()) {
            case "national" -> "各省、自治区、直辖市妇联，新疆生产建设兵团妇联：";
            case "province" -> r.nextBoolean() ? "各市妇联，省直各有关单位：" : "各市（州）妇联，" + issuer.province() + "直机关妇工委：";
            default -> "各县（市、区）妇联，" + placeName(r) + "妇联：";
        };
    }

    private List<String> body(Meta m, List<Meta> all, Issuer issuer, RandomGenerator r) {
        int headerChars = 200;
        int targetChars = Math.max(150, (m.targetBytes() - headerChars * 3) / 3);
        List<String> paras = new ArrayList<>();
        int chars = 0;
        int citeAt = 0;
        int heading = 0;
        while (chars < targetChars) {
            StringBuilder p = new StringBuilder();
            if (citeAt < m.cites().length && (paras.isEmpty() || r.nextDouble() < 0.3)) {
                Meta c = all.get(m.cites()[citeAt++]);
                p.append(r.nextBoolean() ? "根据" : "按照").append("《").append(c.title()).append("》");
                if (c.docNumber() != null) {
                    p.append("（").append(c.docNumber()).append("）");
                }
                p.append("要求，");
            }
            if (!m.campaigns().isEmpty() && r.nextDouble() < 0.25) {
                p.append(r.nextBoolean() ? "深入开展" : "扎实推进").append("“").append(m.campaigns().get(r.nextInt(m.campaigns().size()))).append("”，");
            }
            if (r.nextDouble() < 0.12 && heading < 9) {
                String h = "一二三四五六七八九".charAt(heading++) + "、" + fragment(r, 6 + r.nextInt(10));
                paras.add(h);
                chars += h.length();
            }
            p.append(substitutePlaces(model.paragraphTokens(r, 60 + r.nextInt(260)), r));
            if (r.nextDouble() < 0.05) {
                p.append("（联系人：").append(personName(r)).append("，联系电话：0").append(100 + r.nextInt(900)).append('-')
                        .append(10_000_000 + r.nextInt(90_000_000)).append("）");
            }
            paras.add(p.toString());
            chars += p.length();
        }
        return paras;
    }

    /** Place-like seed words (全省, 山东省, 重庆市) are often replaced by a generated place name. */
    private String substitutePlaces(List<String> toks, RandomGenerator r) {
        StringBuilder sb = new StringBuilder(toks.size() * 3);
        for (String t : toks) {
            if (t.length() >= 2 && t.length() <= 5 && (t.endsWith("省") || t.endsWith("市") || t.endsWith("县") || t.endsWith("区"))
                    && r.nextDouble() < 0.7) {
                sb.append(placeName(r));
            } else {
                sb.append(t);
            }
            if (r.nextDouble() < 0.01) {
                sb.append(placeName(r));
            }
        }
        return sb.toString();
    }

    /** The canonical names of the issuers notices are generated for. */
    java.util.Set<String> issuerNames() {
        return issuers.stream().map(Issuer::canonical).collect(java.util.stream.Collectors.toSet());
    }

    String placeName(RandomGenerator r) {
        return placeNames[places.sample(r)];
    }

    /** The place name at a Zipf rank (0 = most frequent). */
    String placeAtRank(int rank) {
        return placeNames[rank];
    }

    int placeCount() {
        return placeNames.length;
    }

    private static String personName(RandomGenerator r) {
        String n = "" + SURNAMES.charAt(r.nextInt(SURNAMES.length())) + GIVEN.charAt(r.nextInt(GIVEN.length()));
        return r.nextBoolean() ? n + GIVEN.charAt(r.nextInt(GIVEN.length())) : n;
    }

    /** A PDF-like layout: every paragraph broken about every 28 characters, a blank line after each line. */
    private static List<String> hardWrap(List<String> paras, RandomGenerator r) {
        int width = 26 + r.nextInt(5);
        List<String> out = new ArrayList<>();
        for (String p : paras) {
            for (int i = 0; i < p.length(); i += width) {
                out.add(p.substring(i, Math.min(p.length(), i + width)));
                out.add("");
            }
        }
        return out;
    }

    private static String chineseDate(LocalDate d) {
        String digits = "〇一二三四五六七八九";
        StringBuilder y = new StringBuilder();
        for (char c : String.valueOf(d.getYear()).toCharArray()) {
            y.append(digits.charAt(c - '0'));
        }
        return y + "年" + chineseNumber(d.getMonthValue()) + "月" + chineseNumber(d.getDayOfMonth()) + "日";
    }

    private static String chineseNumber(int n) {
        String digits = "〇一二三四五六七八九";
        if (n < 10) {
            return String.valueOf(digits.charAt(n));
        }
        String tens = n / 10 == 1 ? "十" : digits.charAt(n / 10) + "十";
        return n % 10 == 0 ? tens : tens + digits.charAt(n % 10);
    }

    private static byte[] encode(String text, boolean gbk) {
        if (gbk) {
            CharsetEncoder enc = Charset.forName("GBK").newEncoder();
            if (enc.canEncode(text)) {
                return text.getBytes(Charset.forName("GBK"));
            }
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void writeManifest(Path file, List<Meta> metas) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("index\tpath\tissuer\tdate\tdocNumber\ttype\thardWrapped\tgbk\tcampaigns\ttitle\n");
            for (Meta m : metas) {
                w.write(m.index() + "\t" + m.path() + "\t" + m.issuer() + "\t" + m.date() + "\t"
                        + (m.docNumber() == null ? "" : m.docNumber()) + "\t" + m.type() + "\t" + m.hardWrapped() + "\t"
                        + m.gbk() + "\t" + String.join(",", m.campaigns()) + "\t" + m.title() + "\n");
            }
        }
    }

    /** Zipf-distributed ranks 0..n-1, sampled by binary search over the cumulative weights. */
    static final class Zipf {
        private final double[] cumulative;

        Zipf(int n, double s) {
            cumulative = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += 1.0 / Math.pow(i + 1, s);
                cumulative[i] = sum;
            }
        }

        int sample(RandomGenerator r) {
            double x = r.nextDouble() * cumulative[cumulative.length - 1];
            int i = Arrays.binarySearch(cumulative, x);
            return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
        }
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> a = Args.parse(args);
        IndexConfig cfg = IndexConfig.load(Path.of(a.getOrDefault("config", "index-config")));
        CorpusGenerator g = fromSeeds(Path.of(a.getOrDefault("seed-corpus", "corpus")), cfg);
        int count = Integer.parseInt(a.getOrDefault("count", "1000"));
        long seed = Long.parseLong(a.getOrDefault("seed", String.valueOf(DEFAULT_SEED)));
        Path out = Path.of(a.getOrDefault("out", "target/bench/corpus-" + count));
        long t0 = System.nanoTime();
        // --plant C,P,K: C planted campaigns, each taken up by P provinces and K cities of each (see Planting).
        Planting planting = Planting.NONE;
        if (a.containsKey("plant")) {
            String[] p = a.get("plant").split(",");
            planting = new Planting(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
        }
        g.generate(seed, count, out, planting, new ArrayList<>());
        System.out.printf("generated %d notices into %s in %.1f s (model: %d words, trained on %d tokens)%n", count, out,
                (System.nanoTime() - t0) / 1e9, g.model.vocabularySize(), g.model.trainedTokens());
    }
}
