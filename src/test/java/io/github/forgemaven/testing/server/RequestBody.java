package io.github.forgemaven.testing.server;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The body of one request, decoded from Content-Length or chunked framing. Like Go's net/http it
 * sends the interim {@code 100 Continue} only when the handler first reads, so a request rejected
 * without reading never makes the client push its body.
 */
public final class RequestBody extends InputStream {

    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final InputStream in;
    private final OutputStream out;
    private final boolean chunked;
    private long remaining;
    private boolean continuePending;
    private boolean eof;
    private long received;
    private final Traffic traffic;

    private RequestBody(
            InputStream in, OutputStream out, boolean chunked, long length, boolean expectsContinue, Traffic traffic) {
        this.in = in;
        this.traffic = traffic;
        this.out = out;
        this.chunked = chunked;
        this.remaining = chunked ? 0 : length;
        this.eof = !chunked && length == 0;
        this.continuePending = expectsContinue && !eof;
    }

    static RequestBody open(RequestHead head, InputStream in, OutputStream out, Traffic traffic) throws IOException {
        String transferEncoding = head.header("Transfer-Encoding");
        if (transferEncoding != null) {
            if (!transferEncoding.trim().toLowerCase(Locale.ROOT).equals("chunked")) {
                throw new RequestHead.MalformedRequestException("unsupported transfer encoding");
            }
            return new RequestBody(in, out, true, -1, head.expectsContinue(), traffic);
        }
        var lengths = head.headers().get("Content-Length");
        long length = 0;
        if (lengths != null) {
            if (lengths.stream().distinct().count() != 1) {
                throw new RequestHead.MalformedRequestException("conflicting Content-Length");
            }
            try {
                length = Long.parseLong(lengths.get(0));
            } catch (NumberFormatException e) {
                throw new RequestHead.MalformedRequestException("bad Content-Length");
            }
            if (length < 0) {
                throw new RequestHead.MalformedRequestException("bad Content-Length");
            }
        }
        return new RequestBody(in, out, false, length, head.expectsContinue(), traffic);
    }

    /** When the request arrived and was answered, and every body byte the client sent, drained ones included. */
    public Traffic traffic() {
        return traffic;
    }

    /** Body bytes (after de-chunking) that the handler has read so far. */
    public long received() {
        return received;
    }

    public boolean exhausted() {
        return eof;
    }

    /** True while the client still waits for {@code 100 Continue} and has been sent nothing. */
    boolean continuePending() {
        return continuePending;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (eof) {
            return -1;
        }
        if (continuePending) {
            continuePending = false;
            out.write(CONTINUE);
            out.flush();
        }
        if (chunked && remaining == 0) {
            startChunk();
            if (eof) {
                return -1;
            }
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw new EOFException("request body ended early");
        }
        remaining -= n;
        received += n;
        traffic.counted(n);
        if (remaining == 0) {
            if (chunked) {
                expectCrlf();
            } else {
                eof = true;
            }
        }
        return n;
    }

    /** Reads and throws away up to {@code limit} more bytes; true if the body ended within the limit. */
    public boolean skipUpTo(long limit) throws IOException {
        byte[] buffer = new byte[8192];
        long skipped = 0;
        while (!eof && skipped <= limit) {
            int n = read(buffer, 0, buffer.length);
            if (n < 0) {
                break;
            }
            skipped += n;
        }
        return eof;
    }

    private void startChunk() throws IOException {
        String line = RequestHead.readLine(in);
        if (line == null) {
            throw new EOFException("request body ended early");
        }
        int semicolon = line.indexOf(';');
        String size = (semicolon < 0 ? line : line.substring(0, semicolon)).trim();
        try {
            remaining = Long.parseLong(size, 16);
        } catch (NumberFormatException e) {
            throw new RequestHead.MalformedRequestException("bad chunk size");
        }
        if (remaining < 0) {
            throw new RequestHead.MalformedRequestException("bad chunk size");
        }
        if (remaining == 0) {
            String trailer;
            do {
                trailer = RequestHead.readLine(in);
            } while (trailer != null && !trailer.isEmpty());
            eof = true;
        }
    }

    private void expectCrlf() throws IOException {
        String line = RequestHead.readLine(in);
        if (line == null || !line.isEmpty()) {
            throw new RequestHead.MalformedRequestException("chunk not followed by CRLF");
        }
    }
}
