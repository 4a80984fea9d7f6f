package io.github.forgemaven.registry;

import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/** Uploads the files of a {@link PublicationPlan}, one after another, and reports each step. */
public final class Publisher {

    private final RegistryClient client;
    private final ClientSettings clientSettings;
    private final PublishListener listener;

    /**
     * @param client the HTTP client to upload with
     * @param clientSettings the settings {@code client} was made with, for the hints of network failures
     * @param listener hears about each file
     */
    public Publisher(RegistryClient client, ClientSettings clientSettings, PublishListener listener) {
        this.client = client;
        this.clientSettings = clientSettings;
        this.listener = listener;
    }

    /** Tells the listener what {@link #publish} would upload where, and sends nothing. */
    public static void dryRun(PublicationPlan plan, PublishListener listener) {
        for (UploadFile file : plan.files()) {
            listener.wouldUpload(
                    file,
                    plan.target().fileUri(file.fileName()),
                    file.path().toFile().length());
        }
    }

    /**
     * Uploads every file of the plan, stopping at the first failure.
     *
     * @return the files uploaded, in order
     * @throws PublishException naming the failed file, the cause, the fix, and what was and was not uploaded
     */
    public List<UploadFile> publish(PublicationPlan plan, Credentials credentials) throws PublishException {
        List<UploadFile> uploaded = new ArrayList<>();
        List<UploadFile> files = plan.files();
        for (int i = 0; i < files.size(); i++) {
            UploadFile file = files.get(i);
            URI uri = plan.target().fileUri(file.fileName());
            long size = file.path().toFile().length();
            listener.uploading(file, uri, size);
            long start = System.nanoTime();
            try {
                client.upload(uri, file.path(), credentials);
            } catch (RegistryResponseException e) {
                HttpFailure failure = e.failure();
                String hint = FailureHints.forResponse(failure, plan.target(), file, credentials);
                String reply =
                        failure.bodyExcerpt().isEmpty() ? "" : " (server said: \"" + failure.bodyExcerpt() + "\")";
                throw failed(
                        file,
                        "PUT " + uri + " failed: " + failure.statusLine() + reply,
                        hint,
                        e,
                        failure.status() < 500,
                        uploaded,
                        files.subList(i, files.size()),
                        plan);
            } catch (IOException e) {
                String hint = FailureHints.forTransport(e, uri, clientSettings);
                throw failed(
                        file,
                        "PUT " + uri + " failed: " + e.getClass().getSimpleName(),
                        hint,
                        e,
                        e instanceof UnknownHostException || e instanceof SSLException,
                        uploaded,
                        files.subList(i, files.size()),
                        plan);
            }
            listener.uploaded(file, uri, size, Duration.ofNanos(System.nanoTime() - start));
            uploaded.add(file);
        }
        return uploaded;
    }

    private static PublishException failed(
            UploadFile file,
            String what,
            String hint,
            Exception cause,
            boolean fixableByUser,
            List<UploadFile> uploaded,
            List<UploadFile> notUploaded,
            PublicationPlan plan) {
        String nl = System.lineSeparator();
        StringBuilder message = new StringBuilder()
                .append("Upload of '")
                .append(file.fileName())
                .append("' (")
                .append(file.origin())
                .append(") to ")
                .append(plan.target().describe())
                .append(" failed.")
                .append(nl)
                .append("  ")
                .append(what)
                .append(nl)
                .append("  ")
                .append(hint);
        if (!uploaded.isEmpty()) {
            message.append(nl)
                    .append("  Uploaded before the failure: ")
                    .append(names(uploaded))
                    .append('.')
                    .append(nl)
                    .append("  Not uploaded: ")
                    .append(names(notUploaded))
                    .append('.')
                    .append(nl)
                    .append("  The version is incomplete on the server: delete the uploaded files (or the"
                            + " version) before deploying again, since existing files are never overwritten.");
        }
        return new PublishException(message.toString(), cause, fixableByUser, uploaded, notUploaded);
    }

    private static String names(List<UploadFile> files) {
        return files.stream().map(UploadFile::fileName).collect(Collectors.joining(", "));
    }
}
