package io.github.forgemaven.registry.http;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a reply body into one short line fit for an error message. */
final class ResponseExcerpt {

    static final int MAX_LENGTH = 200;

    private static final Pattern TITLE =
            Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private ResponseExcerpt() {}

    /** An excerpt of the body: for an HTML page its title (or its text), whitespace folded, at most 200 characters. */
    static String of(String body) {
        if (body == null) {
            return "";
        }
        String text = body;
        if (body.stripLeading().startsWith("<") && body.toLowerCase(Locale.ROOT).contains("<html")) {
            Matcher title = TITLE.matcher(body);
            text = title.find() ? title.group(1) : TAG.matcher(body).replaceAll(" ");
        }
        text = text.replaceAll("\\s+", " ").strip();
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "...";
    }
}
