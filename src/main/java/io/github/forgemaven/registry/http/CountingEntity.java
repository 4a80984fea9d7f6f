package io.github.forgemaven.registry.http;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;

/** A request body that counts the bytes handed to the connection, so a stalled upload can be told from a slow one. */
final class CountingEntity extends HttpEntityWrapper {

    private final AtomicLong sent = new AtomicLong();

    CountingEntity(HttpEntity wrapped) {
        super(wrapped);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        sent.set(0);
        super.writeTo(new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                sent.incrementAndGet();
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                sent.addAndGet(len);
            }
        });
    }

    long sent() {
        return sent.get();
    }
}
