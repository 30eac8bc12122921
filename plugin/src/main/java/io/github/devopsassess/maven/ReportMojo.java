package io.github.devopsassess.maven;

import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.report.AssessmentJson;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * A summary of the DevOps assessment in {@code mvn site}: score, level, areas and top findings, with a link to the
 * full report site, which is copied next to it. It reads the {@code assessment.json} that {@code devops:assess}
 * wrote, so the repository is not scanned a second time. Add the plugin to {@code <reporting>} to use it; run on its
 * own ({@code mvn devops:report}) it only copies the full report site into the project's site folder.
 *
 * @since 0.1.0
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class ReportMojo extends AbstractDevopsMojo implements MavenReport {

    /**
     * Where {@code devops:assess} wrote {@code assessment.json} and {@code site/}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.output", defaultValue = "${project.build.directory}/devops")
    protected File devopsOutput;

    /** The project's site folder; {@code mvn site} sets it through {@link #setReportOutputDirectory(File)}. */
    @Parameter(defaultValue = "${project.reporting.outputDirectory}", readonly = true, required = true)
    protected File outputDirectory;

    @Override
    protected void executeMojo() throws MojoExecutionException {
        try {
            boolean copied = copySite(resolve(devopsOutput, "target/devops").toPath().resolve("site"));
            getLog().info(copied ? "Copied the report site to " + new File(outputDirectory, "devops")
                    : "No report site under " + devopsOutput + ": run 'mvn devops:assess' first");
        } catch (MavenReportException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    @Override
    public String getOutputName() {
        return "devops-assessment";
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public String getName(Locale locale) {
        return "DevOps assessment";
    }

    @Override
    public String getDescription(Locale locale) {
        return "How well the team learns from failure: score, maturity level and findings of devops:assess.";
    }

    @Override
    public void setReportOutputDirectory(File directory) {
        this.outputDirectory = directory;
    }

    @Override
    public File getReportOutputDirectory() {
        return outputDirectory;
    }

    @Override
    public boolean isExternalReport() {
        return false;
    }

    @Override
    public boolean canGenerateReport() {
        return !skip;
    }

    @Override
    public void generate(Sink sink, Locale locale) throws MavenReportException {
        render(sink, locale);
        sink.flush();
    }

    private void render(Sink sink, Locale locale) throws MavenReportException {
        Path json = devopsOutput.toPath().resolve("assessment.json");
        sink.head();
        sink.title();
        sink.text(getName(locale));
        sink.title_();
        sink.head_();
        sink.body();
        sink.section1();
        sink.sectionTitle1();
        sink.text(getName(locale));
        sink.sectionTitle1_();
        if (!Files.isRegularFile(json)) {
            paragraph(sink, "No assessment at " + json + ": run 'mvn devops:assess' before 'mvn site' (or bind"
                    + " devops:assess to the build) so this page can summarise it.");
            sink.section1_();
            sink.body_();
            return;
        }
        Assessment a;
        try {
            a = AssessmentJson.read(json);
        } catch (IOException e) {
            throw new MavenReportException("Cannot read " + json + ": " + e.getMessage(), e);
        }
        paragraph(sink, a.score() == null ? "Not assessed: no area had data."
                : "Score " + a.score() + " of 100, level " + a.level() + "."
                        + (a.subject().commit() == null ? "" : " Commit " + a.subject().commit().substring(0, 12) + "."));
        boolean copied = copySite(devopsOutput.toPath().resolve("site"));
        if (copied) {
            sink.paragraph();
            sink.link("devops/index.html");
            sink.text("Open the full report: trend, areas, findings with evidence and advice");
            sink.link_();
            sink.paragraph_();
        }
        sink.table();
        sink.tableRows(null, false); // Doxia 2 writes no row outside tableRows
        row(sink, true, "Area", "Score", "Level", "Findings");
        for (AreaScore area : a.areas()) {
            long findings = area.checks().stream().mapToLong(c -> c.findings().size()).sum();
            row(sink, false, area.title(), area.assessed() ? String.valueOf(area.score()) : "not assessed",
                    area.assessed() ? area.level() : "", String.valueOf(findings));
        }
        sink.tableRows_();
        sink.table_();
        List<Finding> top = a.findings().stream().filter(f -> !f.waived()).limit(5).toList();
        if (!top.isEmpty()) {
            paragraph(sink, "Top findings:");
            sink.list();
            for (Finding f : top) {
                sink.listItem();
                sink.text(f.severity().id().toUpperCase(Locale.ROOT) + ": " + f.message()); // the sink escapes text
                sink.listItem_();
            }
            sink.list_();
        }
        sink.section1_();
        sink.body_();
    }

    /** The full site goes next to the summary so the link works from the Maven site too. */
    private boolean copySite(Path site) throws MavenReportException {
        if (!Files.isDirectory(site)) {
            return false;
        }
        Path target = outputDirectory.toPath().resolve("devops");
        try (Stream<Path> files = Files.walk(site)) {
            for (Path p : files.sorted().toList()) {
                Path to = target.resolve(site.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else if (Files.isRegularFile(p)) {
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return true;
        } catch (IOException e) {
            throw new MavenReportException("Cannot copy the report site to " + target + ": " + e.getMessage(), e);
        }
    }

    private static void paragraph(Sink sink, String text) {
        sink.paragraph();
        sink.text(text);
        sink.paragraph_();
    }

    private static void row(Sink sink, boolean header, String... cells) {
        sink.tableRow();
        for (String c : cells) {
            if (header) {
                sink.tableHeaderCell();
            } else {
                sink.tableCell();
            }
            sink.text(c == null ? "" : c);
            if (header) {
                sink.tableHeaderCell_();
            } else {
                sink.tableCell_();
            }
        }
        sink.tableRow_();
    }
}
