package io.github.forgemaven.registry.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResponseExcerptTest {

    @Test
    void keepsAPlainTextBodyOnOneLine() {
        assertEquals("reqPackageAccess", ResponseExcerpt.of("reqPackageAccess\n"));
        assertEquals("", ResponseExcerpt.of(""));
        assertEquals("", ResponseExcerpt.of(null));
    }

    @Test
    void takesTheTitleOfAnHtmlErrorPage() {
        String nginx = "<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n"
                + "<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>";
        assertEquals("413 Request Entity Too Large", ResponseExcerpt.of(nginx));
    }

    @Test
    void cutsLongBodies() {
        String excerpt = ResponseExcerpt.of("x".repeat(5000));
        assertEquals(ResponseExcerpt.MAX_LENGTH + 3, excerpt.length());
        assertTrue(excerpt.endsWith("..."));
    }
}
