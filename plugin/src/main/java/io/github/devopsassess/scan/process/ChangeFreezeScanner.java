package io.github.devopsassess.scan.process;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.process.ChangeFreeze;
import io.github.devopsassess.facts.process.ChangeFreezeFacts;
import io.github.devopsassess.parse.HclAttribute;
import io.github.devopsassess.parse.HclBlock;
import io.github.devopsassess.parse.HclReader;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.Scanner;
import io.github.devopsassess.source.RepoTree;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds change freezes declared as code: Terraform {@code gitlab_project_freeze_period} resources, GitLab CI rules on
 * {@code $CI_DEPLOY_FREEZE}, pipeline conditions on the day of the week ({@code date +%u}, {@code DAY_OF_WEEK}), and
 * steps or rules named as a change, deploy or release freeze. Comment lines are skipped; a malformed Terraform file
 * is one problem at its line.
 */
public final class ChangeFreezeScanner implements Scanner {

    private static final Pattern CI = Pattern.compile("(^|/)(\\.github/workflows/[^/]+\\.ya?ml|\\.gitlab-ci\\.yml"
            + "|\\.gitlab/.+\\.ya?ml|Jenkinsfile[^/]*|azure-pipelines[^/]*\\.ya?ml|\\.circleci/config\\.ya?ml"
            + "|bitbucket-pipelines\\.yml)$");
    private static final Pattern WEEKDAY = Pattern.compile("\\bdate\\b[^\\n]*\\+[\"']?%[uwaA]\\b|DAY_OF_WEEK"
            + "|getDayOfWeek\\(\\)|\\bDayOfWeek\\.(FRIDAY|SATURDAY|SUNDAY)\\b");
    private static final Pattern DEPLOY_FREEZE = Pattern.compile("\\$CI_DEPLOY_FREEZE\\b");
    /** Lines longer than this are not read for conditions. */
    private static final int MAX_LINE = 4096;
    private static final Pattern NAMED = Pattern.compile("(?i)\\b(change|deploy(ment)?|code|release)[ _-]?freeze\\b");

    @Override
    public String id() {
        return "process";
    }

    @Override
    public void scan(ScanContext context, Facts.Builder facts) {
        RepoTree tree = context.tree();
        List<String> read = new ArrayList<>();
        List<ChangeFreeze> freezes = new ArrayList<>();
        List<String> files = new ArrayList<>(tree.files());
        if (!tree.subtree().isEmpty()) {
            tree.filesUnder("").stream().filter(f -> CI.matcher(f).find() && !files.contains(f)).forEach(files::add);
        }
        HclReader hcl = new HclReader();
        for (String path : files) {
            boolean ci = CI.matcher(path).find();
            boolean terraform = path.endsWith(".tf");
            if (!ci && !terraform) {
                continue;
            }
            RepoTree.TextRead text = tree.readText(path);
            if (!text.ok()) {
                continue;
            }
            read.add(path);
            if (ci) {
                ciFreezes(path, text.text(), freezes);
            } else if (text.text().contains("gitlab_project_freeze_period")) {
                terraformFreezes(path, text.text(), hcl, freezes, facts);
            }
        }
        freezes.sort(Comparator.comparing(ChangeFreeze::path).thenComparingInt(ChangeFreeze::line));
        facts.put(ChangeFreezeFacts.class, new ChangeFreezeFacts(read.stream().sorted().toList(), freezes));
    }

    private static void ciFreezes(String path, String text, List<ChangeFreeze> out) {
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].length() > MAX_LINE) {
                continue; // data, not a pipeline condition
            }
            String line = lines[i].strip();
            if (line.startsWith("#") || line.startsWith("//")) {
                continue;
            }
            String kind = DEPLOY_FREEZE.matcher(line).find() ? "GitLab deploy freeze"
                    : WEEKDAY.matcher(line).find() ? "weekday condition"
                    : NAMED.matcher(line).find() ? "freeze window" : null;
            // a message or step name beside a condition already found is the same freeze, not another one
            boolean sameFreeze = kind != null && kind.equals("freeze window") && !out.isEmpty()
                    && out.get(out.size() - 1).path().equals(path) && i + 1 - out.get(out.size() - 1).line() <= 3;
            if (kind != null && !sameFreeze) {
                out.add(new ChangeFreeze(path, i + 1, kind, line.length() > 120 ? line.substring(0, 117) + "..."
                        : line));
            }
        }
    }

    private static void terraformFreezes(String path, String text, HclReader hcl, List<ChangeFreeze> out,
            Facts.Builder facts) {
        for (HclBlock block : hcl.resources(path, text, "gitlab_project_freeze_period", facts::problem)) {
            String window = "from '" + value(block.attribute("freeze_start")) + "' to '"
                    + value(block.attribute("freeze_end")) + "'" + block.attribute("cron_timezone")
                    .map(a -> " (" + a.value().text() + ")").orElse("");
            out.add(new ChangeFreeze(path, block.line(), "gitlab_project_freeze_period", window));
        }
    }

    private static String value(Optional<HclAttribute> attribute) {
        return attribute.map(a -> a.value().text()).orElse("?");
    }
}
