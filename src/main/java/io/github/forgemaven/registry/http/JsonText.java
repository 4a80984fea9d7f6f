package io.github.forgemaven.registry.http;

import java.util.Locale;

/** Writes JSON text: the one place that escapes a string for the JSON the plugin sends and records. */
public final class JsonText {

    private JsonText() {}

    /** {@code text} as a JSON string literal; {@code null} as the empty string. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : (text == null ? "" : text).toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
