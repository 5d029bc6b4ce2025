package org.noticesearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.noticesearch.search.SearchRequest;
import org.noticesearch.search.SearchTestSupport;
import org.noticesearch.search.diffusion.DiffusionService;
import org.noticesearch.search.diffusion.ForwardingTree;
import org.noticesearch.search.diffusion.InMemoryDiffusionSource;

/** The CLI's text for adopters and trees, over the hand-written campaign of src/test/resources/diffusion. */
class DiffusionPrinterTest {
    static final DiffusionService SERVICE = new DiffusionService(new InMemoryDiffusionSource(
            SearchTestSupport.parseAll(Path.of("src/test/resources/diffusion"))));

    @Test
    void adopterTable() {
        StringWriter w = new StringWriter();
        DiffusionPrinter.printAdopters(SERVICE.adopters(SearchRequest.of("春蕾护航行动")), new PrintWriter(w, true));
        assertEquals("""
                6 matching notices, 6 adopters, first 2021-03-01 (d1_national)
                first             lag   level     n  issuer (province)  first notice
                2021-03-01           0  national  1  全国妇女联合会 (全国)  d1_national 妇字〔2021〕30号
                2021-03-15          14  province  1  江苏省妇女联合会 (江苏省)  d2_province 苏妇发〔2021〕12号
                2021-04-09          39  city      1  南京市妇女联合会 (江苏省)  d3_city 宁妇联发〔2021〕5号
                2021-04-20          50  province  1  安徽省妇女联合会 (安徽省)  d6_province 皖妇发〔2021〕8号
                2021-05-10          70  county    1  南京市江宁区妇女联合会 (江苏省)  d4_county 江宁妇发〔2021〕2号
                2021 (year only)     -  province  1  浙江省妇女联合会 (浙江省)  d5_province 浙妇发〔2021〕20号
                level national: 1 adopters, median lag 0.0 days (1 dated)
                level province: 3 adopters, median lag 32.0 days (2 dated)
                level city: 1 adopters, median lag 39.0 days (1 dated)
                level county: 1 adopters, median lag 70.0 days (1 dated)
                follows: 江苏省妇女联合会 → 全国妇女联合会 (d2_province cites d1_national)
                follows: 南京市妇女联合会 → 江苏省妇女联合会 (d3_city cites d2_province)
                follows: 安徽省妇女联合会 → 浙江省妇女联合会 (d6_province cites d5_province)
                follows: 南京市江宁区妇女联合会 → 南京市妇女联合会 (d4_county cites d3_city)
                follows: 浙江省妇女联合会 → 全国妇女联合会 (d5_province cites d1_national)
                follows: 浙江省妇女联合会 → 安徽省妇女联合会 (d5_province cites d6_province)
                """, w.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void indentedTree() {
        StringWriter w = new StringWriter();
        DiffusionPrinter.printTree(SERVICE.tree("d1_national", new ForwardingTree.Limits(3, 500)), new PrintWriter(w, true));
        assertEquals("""
                2021-03-01 全国妇女联合会 (national) d1_national 妇字〔2021〕30号
                  └ 2021-03-15 +14d [转发] 江苏省妇女联合会 (province) d2_province 苏妇发〔2021〕12号
                    └ 2021-04-09 +39d [贯彻落实] 南京市妇女联合会 (city) d3_city 宁妇联发〔2021〕5号
                      └ 2021-05-10 +70d [印发] 南京市江宁区妇女联合会 (county) d4_county 江宁妇发〔2021〕2号
                  └ 2021 浙江省妇女联合会 (province) d5_province 浙妇发〔2021〕20号
                    └ 2021-04-20 +50d 安徽省妇女联合会 (province) d6_province 皖妇发〔2021〕8号
                      └ 2021 浙江省妇女联合会 (province) d5_province 浙妇发〔2021〕20号 (shown above)
                6 notices, 6 citations, 1 self-citations left out
                """, w.toString().replace(System.lineSeparator(), "\n"));
    }
}
