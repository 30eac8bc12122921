package io.github.devopsassess.check.postmortem;

import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.postmortem.BlameTerm;
import io.github.devopsassess.facts.postmortem.Postmortem;
import io.github.devopsassess.facts.postmortem.PostmortemFacts;
import io.github.devopsassess.facts.postmortem.SectionKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code blaming-language}: phrases such as "human error" or "should have" in the summary, causes, detection,
 * resolution or timeline of a postmortem look for a culprit instead of a cause. Lessons and action items are left
 * out, where "we should have an alert" looks forward. Postmortems not written in English are not assessed: an
 * English lexicon would only produce false hits there.
 */
public final class BlamingLanguageCheck extends PostmortemCheck {

    public static final String ID = "blaming-language";

    /**
     * Where a postmortem states its conclusions. The timeline is left out: it records what people believed at the
     * time ("assumed user error"), hypotheses the later sections correct.
     */
    private static final Set<SectionKind> SEARCHED = Set.of(SectionKind.SUMMARY, SectionKind.CAUSE,
            SectionKind.DETECTION, SectionKind.RESOLUTION, SectionKind.IMPACT);

    /** Verb phrases that blame only when a person is their subject ("the traffic failed to reach" blames no one). */
    private static final Set<String> PERSONAL = Set.of("failed to", "forgot to", "should have");

    /** Subjects that are a person: a pronoun or a role ("we" is the team owning a gap, not blame). */
    private static final Pattern PERSON_BEFORE = Pattern.compile("(?i:\\b(he|she|someone|somebody|nobody|engineer"
            + "|developer|operator|admin|administrator|on-?call(?: engineer)?|reviewer|author|user))\\s+$"
            + "|(?<![.!?]\\s)(?<!^)\\b[A-Z][a-z]+\\s+$");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z\"'(@])");
    private static final int MAX_QUOTE = 240;

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement judge(PostmortemFacts pm, Facts facts, CheckSettings settings) {
        List<Postmortem> english = pm.english();
        List<String> skipped = pm.postmortems().stream().filter(p -> !p.english()).map(Postmortem::path).toList();
        String notAssessed = skipped.isEmpty() ? "" : "; not assessed (not English): " + String.join(", ", skipped);
        if (english.isEmpty()) {
            return Judgement.inapplicable("no postmortem in English, the language of the blame lexicon" + notAssessed);
        }
        Map<BlameTerm, Pattern> lexicon = new LinkedHashMap<>();
        pm.blameTerms().forEach(t -> lexicon.put(t, t.pattern()));
        List<Finding> findings = new ArrayList<>();
        int blaming = 0;
        for (Postmortem p : english) {
            Map<BlameTerm, List<Evidence>> hits = new LinkedHashMap<>();
            Map<BlameTerm, String> firstQuote = new LinkedHashMap<>();
            for (Postmortem.Section s : p.sections()) {
                if (!SEARCHED.contains(s.kind())) {
                    continue;
                }
                for (Postmortem.TextLine line : s.text()) {
                    for (String sentence : SENTENCE_END.split(line.text())) {
                        for (Map.Entry<BlameTerm, Pattern> e : lexicon.entrySet()) {
                            java.util.regex.Matcher m = e.getValue().matcher(sentence);
                            if (m.find() && (!PERSONAL.contains(e.getKey().phrase().toLowerCase(java.util.Locale.ROOT))
                                    || PERSON_BEFORE.matcher(sentence.substring(0, m.start())).find())) {
                                String quote = quote(sentence);
                                hits.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(Evidence.line(p.path(),
                                        line.line()).withNote(s.heading() + ": \"" + quote + "\""));
                                firstQuote.putIfAbsent(e.getKey(), quote);
                            }
                        }
                    }
                }
            }
            if (!hits.isEmpty()) {
                blaming++;
            }
            for (Map.Entry<BlameTerm, List<Evidence>> e : hits.entrySet()) {
                BlameTerm term = e.getKey();
                findings.add(settings.fail(PostmortemFactsLabel.of(p) + " says \"" + firstQuote.get(term) + "\". "
                        + term.why() + " Instead: " + term.rewording() + " Ask how the system allowed this.",
                        p.path() + "#" + term.phrase(), e.getValue()));
            }
        }
        return Judgement.of(findings, english.size(), blaming + " of " + english.size()
                + " postmortems use blaming language" + notAssessed).lost(blaming)
                .metrics(Map.of("postmortemsWithBlame", blaming));
    }

    private static String quote(String sentence) {
        String s = sentence.strip();
        return s.length() <= MAX_QUOTE ? s : s.substring(0, MAX_QUOTE - 1) + "…";
    }
}
