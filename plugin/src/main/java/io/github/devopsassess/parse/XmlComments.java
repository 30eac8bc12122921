package io.github.devopsassess.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** XML comments read as text: found, or blanked so that offsets in what is left still give the original lines. */
public final class XmlComments {

    /** An XML comment, across lines. */
    public static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

    private XmlComments() {
    }

    /** The text with every comment's characters turned to spaces, its line breaks kept. */
    public static String blank(String text) {
        Matcher m = COMMENT.matcher(text);
        StringBuilder out = new StringBuilder(text);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                if (out.charAt(i) != '\n') {
                    out.setCharAt(i, ' ');
                }
            }
        }
        return out.toString();
    }
}
