package io.github.devopsassess.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.scan.postmortem.PdfFixtures;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class PdfTextTest {

    @Test
    void linesAreNumberedThroughTheDocumentAndKnowTheirPage() {
        PdfText.Result r = PdfText.read(PdfFixtures.twoPageReport());
        assertThat(r.failure()).isEmpty();
        assertThat(r.pages()).isEqualTo(2);
        assertThat(r.lines()).filteredOn(l -> l.text().equals("Timeline")).singleElement()
                .satisfies(l -> assertThat(l.page()).isEqualTo(2));
        assertThat(r.lines()).filteredOn(l -> l.text().equals("Summary")).singleElement()
                .satisfies(l -> assertThat(l.page()).isEqualTo(1));
        assertThat(r.lines()).extracting(PdfText.Line::line).isSorted().doesNotHaveDuplicates();
        List<Integer> starts = r.pageStarts();
        assertThat(starts).hasSize(2).first().isEqualTo(1);
        int timeline = r.lines().stream().filter(l -> l.text().equals("Timeline")).findFirst().orElseThrow().line();
        assertThat(starts.get(1)).isLessThanOrEqualTo(timeline).isGreaterThan(1);
        assertThat(r.lines()).extracting(PdfText.Line::text).contains("\u2022 Alert on connection pool saturation"
                + " (owner: @lee, PAY-202) Status: done");
    }

    @Test
    void aScannedPdfHasNoText() {
        PdfText.Result r = PdfText.read(PdfFixtures.imageOnly());
        assertThat(r.lines()).isEmpty();
        assertThat(r.problem()).startsWith("no extractable text (1 page of images only");
    }

    @Test
    void aDamagedPdfIsAProblemNotAnException() {
        PdfText.Result r = PdfText.read("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\nendobj\n%%broken"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(r.lines()).isEmpty();
        assertThat(r.problem()).startsWith("malformed PDF: ");
        assertThat(PdfText.read(new byte[0]).problem()).startsWith("malformed PDF: ");
    }
}
