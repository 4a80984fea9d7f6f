package io.github.forgemaven.registry;

import io.github.forgemaven.registry.plan.UploadFile;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Keeps every event of a publisher as a line, for assertions. */
public class RecordingListener implements PublishListener {

    public final List<String> events = new ArrayList<>();

    @Override
    public void wouldUpload(UploadFile file, URI uri, long size) {
        events.add("would upload " + file.fileName() + " to " + uri);
    }

    @Override
    public void uploading(UploadFile file, URI uri, long size) {
        events.add("uploading " + file.fileName());
    }

    @Override
    public void uploaded(UploadFile file, URI uri, long size, Duration took) {
        events.add("uploaded " + file.fileName());
    }

    @Override
    public void identical(UploadFile file, URI uri) {
        events.add("identical " + file.fileName());
    }

    @Override
    public void warn(String message) {
        events.add("warn " + message);
    }

    @Override
    public void info(String message) {
        events.add("info " + message);
    }

    @Override
    public void debug(String message) {
        events.add("debug " + message);
    }

    /** The events that start with the given word. */
    List<String> starting(String word) {
        return events.stream().filter(e -> e.startsWith(word + " ")).toList();
    }
}
