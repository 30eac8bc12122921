package io.github.devopsassess.check.supplychain;

import io.github.devopsassess.check.Check;
import io.github.devopsassess.check.Listing;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.supplychain.Capability;
import io.github.devopsassess.facts.supplychain.SupplyChainEvidence;
import io.github.devopsassess.facts.supplychain.SupplyChainFacts;
import io.github.devopsassess.facts.supplychain.WrapperFile;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.rubric.CheckSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code third-party-auditing}: whether the repository audits what it takes from third parties and what it ships —
 * dependency vulnerability scanning, an SBOM and signed or attested releases, and build-tool wrappers pinned by
 * checksum. Any tool counts. One finding per missing capability, weighed by what the repository releases: a library
 * published to a public registry without signing is the full finding, an application that publishes nothing is not
 * judged on signing or SBOM at all.
 */
public final class ThirdPartyAuditingCheck implements Check {

    public static final String ID = "third-party-auditing";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of(SupplyChainFacts.class);
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        SupplyChainFacts chain = facts.get(SupplyChainFacts.class);
        List<Finding> findings = new ArrayList<>();
        List<String> present = new ArrayList<>();
        int judged = 1;
        if (chain.of(Capability.VULNERABILITY_SCAN).isEmpty()) {
            List<Evidence> evidence = new ArrayList<>(chain.manifests().stream().limit(3).map(Evidence::file)
                    .toList());
            evidence.add(Evidence.note("looked for OWASP dependency-check, OSV-Scanner, Trivy, Grype, Snyk,"
                    + " dependency-review-action, GitLab dependency scanning and language audits (npm audit,"
                    + " pip-audit, govulncheck…) in build files and CI"));
            findings.add(settings.fail("No dependency vulnerability scanning was found in the build or CI: a known"
                    + " vulnerability in one of the dependencies of " + Listing.some(chain.manifests(), 3, ", ")
                    + " reaches production unnoticed.", "vulnerability-scanning", evidence));
        } else {
            present.add(tools(chain.of(Capability.VULNERABILITY_SCAN)));
        }
        List<SupplyChainEvidence> publishing = chain.of(Capability.PUBLISHING);
        List<SupplyChainEvidence> central = publishing.stream().filter(SupplyChainEvidence::central).toList();
        if (!publishing.isEmpty()) {
            judged += 2;
            List<SupplyChainEvidence> shown = central.isEmpty() ? publishing : central;
            List<Evidence> where = shown.stream().limit(3).map(e -> Evidence.line(e.path(), e.line())
                    .withNote("publishes: " + e.tool())).toList();
            String what = central.isEmpty() ? "publishes " + tools(publishing)
                    : "publishes a library to a public registry (" + tools(central) + ")";
            if (chain.of(Capability.SIGNING).isEmpty()) {
                String message = "The repository " + what + " without signing or provenance: users cannot verify"
                        + " that what they download is what this build produced.";
                findings.add(central.isEmpty() ? settings.warn(message, "signing", where)
                        : settings.fail(message, "signing", where));
            } else {
                present.add(tools(chain.of(Capability.SIGNING)));
            }
            if (chain.of(Capability.SBOM).isEmpty()) {
                findings.add(settings.warn("The repository " + what + " without a software bill of materials (SBOM):"
                        + " when the next vulnerable library is announced, nobody can say quickly which releases"
                        + " contain it.", "sbom", where));
            } else {
                present.add(tools(chain.of(Capability.SBOM)));
            }
        }
        List<WrapperFile> unpinned = chain.wrappers().stream().filter(w -> !w.checksum()).toList();
        if (!chain.wrappers().isEmpty()) {
            judged++;
            if (!unpinned.isEmpty()) {
                findings.add(settings.warn(Listing.some(unpinned.stream().map(WrapperFile::path).toList(), 3, ", ")
                        + " download" + (unpinned.size() == 1 ? "s" : "") + " the build tool without checking its"
                        + " distributionSha256Sum: a tampered or swapped distribution would run in every build.",
                        "wrapper-checksum", unpinned.stream().map(w -> Evidence.line(w.path(), w.line())
                                .withNote("distributionUrl without distributionSha256Sum")).toList()));
            }
        }
        String summary = findings.size() + " of " + judged + " supplier-audit capabilit" + (judged == 1 ? "y" : "ies")
                + " missing" + (present.isEmpty() ? "" : "; found " + String.join(", ", present))
                + (publishing.isEmpty() ? "; nothing published, so signing and SBOM not judged" : "");
        return Judgement.of(findings, judged, summary).metrics(Map.of("supplierAuditGaps", findings.size()));
    }

    private static String tools(List<SupplyChainEvidence> evidence) {
        return String.join(", ", evidence.stream().map(e -> e.tool() + " (" + e.path() + ":" + e.line() + ")")
                .distinct().limit(3).toList());
    }
}
