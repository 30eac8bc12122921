package io.github.devopsassess.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.report.AssessmentJson;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.maven.doxia.sink.impl.Xhtml5BaseSink;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportMojoTest {

    /** The Doxia sink that writes plain XHTML5, as the site renderer's would. */
    private static final class HtmlSink extends Xhtml5BaseSink {
        HtmlSink(StringWriter w) {
            super(w);
        }
    }

    private static ReportMojo report(Path dir) {
        ReportMojo mojo = new ReportMojo();
        mojo.devopsOutput = dir.resolve("devops").toFile();
        mojo.setReportOutputDirectory(dir.resolve("site").toFile());
        return mojo;
    }

    @Test
    void summarisesTheAssessmentEscapedAndLinksTheCopiedSite(@TempDir Path dir) throws Exception {
        Finding f = Finding.of("truck-factor", "knowledge-silos", Severity.HIGH, "<script>alert(1)</script> silo",
                "x", List.of(Evidence.file("a")), "fix");
        Assessment a = new Assessment(1, "t", new Assessment.Subject("shop", "", null, null, true, null), 42,
                "managed", List.of(new AreaScore("knowledge-silos", "Knowledge silos", "x", 1, true, 42, "managed",
                        List.of()), new AreaScore("delivery", "Delivery", "y", 1, false, null, null, List.of())),
                List.of(f), List.of(), Map.of());
        AssessmentJson.write(a, dir.resolve("devops/assessment.json"));
        Files.createDirectories(dir.resolve("devops/site/areas"));
        Files.writeString(dir.resolve("devops/site/index.html"), "<html></html>");
        Files.writeString(dir.resolve("devops/site/areas/delivery.html"), "<html></html>");

        StringWriter out = new StringWriter();
        report(dir).generate(new HtmlSink(out), Locale.ENGLISH);
        Document html = Jsoup.parse(out.toString());
        assertThat(html.text()).contains("Score 42 of 100, level managed").contains("not assessed")
                .contains("HIGH: <script>alert(1)</script> silo");
        assertThat(html.select("script")).isEmpty();
        assertThat(html.select("a[href=devops/index.html]")).hasSize(1);
        assertThat(html.select("tr")).hasSize(3);
        assertThat(dir.resolve("site/devops/areas/delivery.html")).exists();
    }

    @Test
    void saysHowToGetAnAssessmentWhenThereIsNone(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        report(dir).generate(new HtmlSink(out), Locale.ENGLISH);
        assertThat(Jsoup.parse(out.toString()).text()).contains("run 'mvn devops:assess' before 'mvn site'");
    }
}
