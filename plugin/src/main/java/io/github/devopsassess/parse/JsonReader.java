package io.github.devopsassess.parse;

import io.github.devopsassess.model.ParseProblem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;

/**
 * Reads one JSON document (Terraform's {@code *.tfvars.json} and {@code *.tf.json}) into a {@link YamlNode} tree
 * whose values and keys know their line, taken from Jackson's streaming {@link JsonParser} token locations. Strings
 * are quoted scalars; numbers, booleans and {@code null} are plain scalars, so a reader can tell {@code "1"} from
 * {@code 1}. Comments and trailing commas are tolerated, as Terraform tolerates none but editors write them. Never
 * throws for bad input: a document that is not JSON becomes one {@link ParseProblem} naming the file and the line of
 * the error.
 */
public final class JsonReader {

    /** Deeper nesting than this is refused: no configuration needs it, a stack overflow would. */
    public static final int MAX_DEPTH = 200;

    private final JsonFactory factory = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    /**
     * @param document the document, empty when it could not be read
     * @param problem why it could not be read
     */
    public record Result(Optional<YamlNode> document, Optional<ParseProblem> problem) {
    }

    /** Reads one file; {@code path} only names the file in a problem. */
    public Result read(String path, String text) {
        String source = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (JsonParser parser = factory.createParser(source)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Result(Optional.empty(), Optional.of(new ParseProblem(path, 1,
                        "malformed JSON: the file is empty")));
            }
            YamlNode node = value(parser, first);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                return new Result(Optional.empty(), Optional.of(new ParseProblem(path,
                        line(parser.currentTokenLocation()), "malformed JSON: more than one value in the file")));
            }
            return new Result(Optional.of(node), Optional.empty());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            return new Result(Optional.empty(), Optional.of(new ParseProblem(path, at == null ? null : line(at),
                    "malformed JSON: " + firstLine(e.getOriginalMessage()))));
        } catch (IOException e) {
            return new Result(Optional.empty(), Optional.of(new ParseProblem(path, null,
                    "file skipped: " + firstLine(e.getMessage()))));
        }
    }

    private static YamlNode value(JsonParser parser, JsonToken token) throws IOException {
        int line = line(parser.currentTokenLocation());
        switch (token) {
            case START_OBJECT -> {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                JsonToken t;
                while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = line(parser.currentTokenLocation());
                    YamlNode v = value(parser, parser.nextToken());
                    entries.remove(key); // the last of duplicate keys wins, and stands where it is written
                    keyLines.remove(key);
                    entries.put(key, v);
                    keyLines.put(key, keyLine);
                }
                expect(parser, t, JsonToken.END_OBJECT);
                return new YamlNode.Mapping(entries, keyLines, line, null);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                JsonToken t;
                while ((t = parser.nextToken()) != JsonToken.END_ARRAY && t != null) {
                    items.add(value(parser, t));
                }
                expect(parser, t, JsonToken.END_ARRAY);
                return new YamlNode.Sequence(items, line, null);
            }
            case VALUE_STRING -> {
                return new YamlNode.Scalar(parser.getText(), true, line, null);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> {
                return new YamlNode.Scalar(parser.getText(), false, line, null);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar(null, false, line, null);
            }
            default -> throw new com.fasterxml.jackson.core.JsonParseException(parser, "unexpected " + token);
        }
    }

    private static void expect(JsonParser parser, JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new com.fasterxml.jackson.core.JsonParseException(parser,
                    actual == null ? "unexpected end of file" : "unexpected " + actual);
        }
    }

    private static int line(JsonLocation location) {
        return Math.max(1, location.getLineNr());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }
}
