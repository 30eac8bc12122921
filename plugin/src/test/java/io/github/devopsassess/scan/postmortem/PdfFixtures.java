package io.github.devopsassess.scan.postmortem;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** PDFs made in the test with PDFBox itself: pages of text in a standard 14 font, or a page that is only an image. */
public final class PdfFixtures {

    private PdfFixtures() {
    }

    /**
     * A postmortem exported from a word processor to PDF, two pages: the summary, impact and cause on page 1, the
     * timeline and the action items on page 2.
     */
    public static byte[] twoPageReport() {
        return text(List.of(
                List.of("Postmortem: Checkout API returned 503 errors",
                        "",
                        "Date: 2025-03-04",
                        "Authors: payments on-call",
                        "Status: Final",
                        "Severity: SEV2",
                        "",
                        "Summary",
                        "Checkout requests failed for 42 minutes after the database connection pool",
                        "limit was lowered in a configuration change.",
                        "",
                        "Impact",
                        "About 18% of checkout attempts failed between 14:02 and 14:44 UTC.",
                        "",
                        "Root Cause",
                        "The connection pool was reduced from 50 to 5 by a configuration change",
                        "that was deployed without a load test."),
                List.of("Timeline",
                        "14:02 Error rate on checkout rises above 5%",
                        "14:09 PagerDuty alert fired for checkout error rate",
                        "14:15 On-call engineer acknowledged the page",
                        "14:38 Configuration change rolled back",
                        "14:44 Error rate back to normal, incident resolved",
                        "",
                        "Action Items",
                        "\u2022 Add a load test for pool size changes (owner: @dana, PAY-201)",
                        "\u2022 Alert on connection pool saturation (owner: @lee, PAY-202) Status: done")));
    }

    /**
     * A postmortem exported to PDF, as a word processor lays it out: a title in bold, one line of text per entry; an
     * empty string leaves a gap as a paragraph break does.
     */
    public static byte[] text(List<List<String>> pages) {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            for (List<String> lines : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                    float y = page.getMediaBox().getHeight() - 60;
                    boolean first = true;
                    for (String line : lines) {
                        if (!line.isEmpty()) {
                            out.beginText();
                            out.setFont(first ? bold : regular, first ? 16 : 11);
                            out.newLineAtOffset(56, y);
                            out.showText(line);
                            out.endText();
                            first = false;
                        }
                        y -= line.isEmpty() ? 10 : 16;
                    }
                }
            }
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scanned report: one page that is a picture, with no text layer. */
    public static byte[] imageOnly() {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            BufferedImage scan = new BufferedImage(200, 280, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = scan.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 200, 280);
            g.setColor(Color.BLACK);
            g.fillRect(20, 20, 160, 8); // a "line of print" that is pixels, not text
            g.dispose();
            PDImageXObject image = LosslessFactory.createFromImage(doc, scan);
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                out.drawImage(image, 40, 200, 500, 600);
            }
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }
}
