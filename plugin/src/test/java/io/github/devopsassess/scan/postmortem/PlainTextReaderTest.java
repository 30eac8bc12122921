package io.github.devopsassess.scan.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.facts.postmortem.SectionKind;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PlainTextReaderTest {

    private static ParsedDocument read(String... lines) {
        List<PlainTextReader.Line> numbered = new ArrayList<>();
        for (String l : lines) {
            numbered.add(new PlainTextReader.Line(numbered.size() + 1, l));
        }
        return new PlainTextReader().read(numbered, numbered.size());
    }

    @Test
    void headingsAreShortLinesNamingASectionNumberedCapitalisedOrWithAColon() {
        assertThat(PlainTextReader.heading("2. Root Cause")).isEqualTo(SectionKind.CAUSE);
        assertThat(PlainTextReader.heading("IV. Timeline")).isEqualTo(SectionKind.TIMELINE);
        assertThat(PlainTextReader.heading("ACTION ITEMS:")).isEqualTo(SectionKind.ACTION_ITEMS);
        assertThat(PlainTextReader.heading("Lessons learned")).isEqualTo(SectionKind.LESSONS);
        assertThat(PlainTextReader.heading("Root cause was a full disk on the primary database host."))
                .as("a sentence").isNull();
        assertThat(PlainTextReader.heading("Impact: 20% of checkouts failed")).as("a labelled line").isNull();
        assertThat(PlainTextReader.heading("Deployment pipeline")).as("not a postmortem section").isNull();
    }

    @Test
    void bulletsWrappedLinesAndTimelineLinesBecomeEntries() {
        ParsedDocument doc = read("Queue backlog delays order e-mails", "Timeline",
                "2025-11-03 09:10 Consumer deployed", "09:40 Alert fired for queue depth", "Action items",
                "\uf0b7 Add a canary for consumers (owner: @lee,", "MAIL-45)", "", "\u25cf Alert on queue age");
        assertThat(doc.title()).isEqualTo("Queue backlog delays order e-mails");
        assertThat(doc.sections()).extracting(ParsedDocument.RawSection::heading).containsExactly("Timeline",
                "Action items");
        assertThat(doc.sections().get(0).items()).extracting(ParsedDocument.ListEntry::line).containsExactly(3, 4);
        assertThat(doc.sections().get(1).items()).extracting(ParsedDocument.ListEntry::text).containsExactly(
                "Add a canary for consumers (owner: @lee, MAIL-45)", "Alert on queue age");
    }
}
