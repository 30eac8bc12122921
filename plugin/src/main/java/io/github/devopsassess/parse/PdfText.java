package io.github.devopsassess.parse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The text of a PDF, page by page and line by line, through Apache PDFBox. A PDF has no lines of its own: the lines
 * are those of the text PDFBox extracts in reading order, numbered through the whole document, and every line knows
 * its page, which is what a reader of the PDF can find.
 */
public final class PdfText {

    private PdfText() {
    }

    /**
     * One line of extracted text.
     *
     * @param line 1-based number of the line in the extracted text of the whole document
     * @param page 1-based page it is on
     * @param text the line, stripped
     */
    public record Line(int line, int page, String text) {
    }

    /**
     * The text of a document, or why there is none.
     *
     * @param lines every line of every page, blank lines included (they separate paragraphs)
     * @param pages number of pages
     * @param problem why the document could not be read ("malformed PDF: …", "encrypted", "no extractable text …"),
     *     or {@code null}
     */
    public record Result(List<Line> lines, int pages, String problem) {
        public Result {
            lines = List.copyOf(lines);
        }

        public Optional<String> failure() {
            return Optional.ofNullable(problem);
        }

        /** The line number of the first line of every page, in page order (page 1 first). */
        public List<Integer> pageStarts() {
            List<Integer> starts = new ArrayList<>();
            int page = 0;
            for (Line l : lines) {
                while (l.page() > page) {
                    starts.add(l.line());
                    page++;
                }
            }
            return starts;
        }
    }

    /** Extracts the text of a PDF; never throws: a broken or text-less document is a {@link Result#problem()}. */
    public static Result read(byte[] bytes) {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            int pages = document.getNumberOfPages();
            if (pages == 0) {
                return new Result(List.of(), 0, "malformed PDF: it has no pages");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setLineSeparator("\n");
            List<Line> lines = new ArrayList<>();
            boolean anyText = false;
            for (int page = 1; page <= pages; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(document);
                for (String raw : text.split("\r?\n", -1)) {
                    String stripped = raw.strip();
                    anyText |= !stripped.isEmpty();
                    lines.add(new Line(lines.size() + 1, page, stripped));
                }
            }
            if (!anyText) {
                return new Result(List.of(), pages, "no extractable text (" + pages + (pages == 1 ? " page"
                        : " pages") + " of images only,"
                        + " probably scanned); export it from the original document or add a text layer (OCR)");
            }
            return new Result(lines, pages, null);
        } catch (InvalidPasswordException e) {
            return new Result(List.of(), 0, "encrypted: the text cannot be read without its password");
        } catch (IOException | RuntimeException e) {
            // PDFBox throws runtime exceptions on some damaged files too; either way the file is unreadable
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Result(List.of(), 0, "malformed PDF: " + message);
        }
    }
}
