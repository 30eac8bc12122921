package io.github.devopsassess.testing;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A year of realistic multi-author history (2024) in which the history checks find something to say:
 * <ul>
 * <li>{@code api/}: Ann, Ben and Eve, feature branches merged by Maya (who merges everything) with Reviewed-by trailers;</li>
 * <li>{@code billing/}: Carl, the co-founder, commits every week straight to main, never reviewed
 * ({@code billing/Ledger.java} is the hotspot);</li>
 * <li>{@code legacy/}: written by Olga, who left in March;</li>
 * <li>CI, Dockerfile, Kubernetes and Terraform: only Dana, "the DevOps person";</li>
 * <li>a release tag {@code v1.N.0} every two weeks, two reverts and one merged hotfix branch ({@code hotfix/order-rounding}); a dependency bot.</li>
 * </ul>
 * Run {@link #main} to create it in a folder (see {@code sample-project/demo/make-demo-repo.sh}).
 */
public final class DemoHistory {

    public static final Instant START = Instant.parse("2024-01-01T09:00:00Z");

    private DemoHistory() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: DemoHistory <empty folder for the demo repository>");
            System.exit(2);
        }
        try (TestRepo repo = TestRepo.init(Path.of(args[0]))) {
            build(repo);
        }
        System.out.println("Demo repository with a year of history written to " + Path.of(args[0]).toAbsolutePath());
    }

    /** Replays the demo history into an empty repository. */
    public static void build(TestRepo repo) {
        repo.at(START.toString());
        repo.write("README.md", "# Shop\n").write("pom.xml", "<project/>\n")
                .write("api/Orders.java", "class Orders {}\n").write("billing/Ledger.java", "class Ledger {}\n")
                .commit("Carl Founder", "carl@shop.example", "Initial import");
        repo.write("legacy/Importer.java", "class Importer {}\n").write("legacy/Parser.java", "class Parser {}\n")
                .write("legacy/Format.java", "class Format {}\n")
                .commit("Olga Early", "olga@shop.example", "CSV importer");
        repo.write(".github/workflows/ci.yml", "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n"
                        + "    environment: production\n    steps:\n      - run: ./deploy.sh\n")
                .write("Dockerfile", "FROM eclipse-temurin:21\n").write("deploy/k8s/app.yaml", "kind: Deployment\n")
                .write("infra/main.tf", "resource \"aws_s3_bucket\" \"b\" {}\n")
                .commit("Dana Ops", "dana@shop.example", "CI, container and infrastructure");
        RevCommit toRevert = null;
        int release = 0;
        for (int week = 0; week < 52; week++) {
            Instant monday = START.plus(7L * week, ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
            repo.at(monday.toString());
            if (week % 2 == 1) {
                repo.tag("v1." + (release++) + ".0"); // releases what the previous two weeks brought
            }
            if (week < 10) {
                repo.append("legacy/" + (week % 2 == 0 ? "Importer" : "Parser") + ".java", "// import rule " + week)
                        .append("legacy/Format.java", "// format " + week)
                        .commit("Olga Early", "olga@shop.example", "Importer rule " + week);
            }
            String branch = "feature/api-" + week;
            repo.branch(branch);
            String[][] devs = {{"Ann Dev", "ann@shop.example"}, {"Ben Dev", "ben@shop.example"},
                {"Eve Dev", "eve@shop.example"}};
            String[] dev = devs[week % 3];
            String[] reviewer = devs[(week + 1) % 3];
            repo.append("api/Orders.java", "// order rule " + week).append("api/Customers.java", "// customer " + week)
                    .commit(dev[0], dev[1], "Order rule " + week + "\n\nReviewed-by: " + reviewer[0] + " <"
                            + reviewer[1] + ">");
            repo.checkout("main");
            repo.append("billing/Ledger.java", "// ledger tweak " + week)
                    .commit("Carl Founder", "carl@shop.example", "Ledger tweak " + week);
            if (week % 3 == 0) {
                repo.append("billing/Rates.java", "// rate " + week)
                        .commit("Carl Founder", "carl@shop.example", "Rates " + week);
            }
            repo.merge(branch, "Maya Lead", "maya@shop.example");
            if (week % 4 == 1) {
                String[] infra = {".github/workflows/ci.yml", "Dockerfile", "deploy/k8s/app.yaml", "infra/main.tf"};
                repo.append(infra[(week / 4) % infra.length], "# change " + week)
                        .commit("Dana Ops", "dana@shop.example", "Pipeline change " + week);
            }
            if (week % 8 == 3) {
                repo.append("pom.xml", "<!-- bump " + week + " -->").commit("dependabot[bot]",
                        "49699333+dependabot[bot]@users.noreply.github.com", "Bump library " + week);
            }
            if (week == 14 || week == 33) {
                toRevert = repo.append("api/Orders.java", "// risky " + week)
                        .commit("Ben Dev", "ben@shop.example", "Risky order change " + week);
            }
            if ((week == 15 || week == 34) && toRevert != null) {
                repo.append("api/Orders.java", "// reverted " + week).commit("Ann Dev", "ann@shop.example",
                        "Revert \"Risky order change\"\n\nThis reverts commit " + toRevert.name() + ".");
            }
            if (week == 40) {
                repo.branch("hotfix/order-rounding");
                repo.append("api/Orders.java", "// rounding fix").commit("Ben Dev", "ben@shop.example",
                        "Fix order total rounding");
                repo.checkout("main");
                repo.merge("hotfix/order-rounding", "Maya Lead", "maya@shop.example");
            }
        }
    }
}
