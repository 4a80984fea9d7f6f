package io.github.forgemaven.testing.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.cipher.PlexusCipherException;

/**
 * Passwords encrypted as {@code mvn --encrypt-password} encrypts them, for the settings of a conformance case
 * that tests encrypted passwords against a real server, whose secret (the run's token) is only known at run time:
 * with the master password of a {@code settings-security.xml}, itself encrypted as {@code mvn
 * --encrypt-master-password} does (with the passphrase {@code settings.security}, as Maven's sec-dispatcher
 * decrypts it). Maven 3.9's own plexus-cipher does the work.
 */
public final class EncryptedSettings {

    /** What Maven decrypts the {@code <master>} of {@code settings-security.xml} with. */
    private static final String MASTER_PASSPHRASE = "settings.security";

    private static final Pattern MASTER = Pattern.compile("<master>\\s*(\\{[^<]*})\\s*</master>");

    private EncryptedSettings() {}

    /** {@code secret} encrypted with the master password of {@code settingsSecurity}, as {@code {...}}. */
    public static String encrypt(String secret, Path settingsSecurity) {
        try {
            return new DefaultPlexusCipher().encryptAndDecorate(secret, master(settingsSecurity));
        } catch (PlexusCipherException e) {
            throw new IllegalStateException("could not encrypt with the master password of " + settingsSecurity, e);
        }
    }

    /** What Maven decrypts {@code encrypted} to with {@code settingsSecurity}. */
    public static String decrypt(String encrypted, Path settingsSecurity) {
        try {
            return new DefaultPlexusCipher().decryptDecorated(encrypted, master(settingsSecurity));
        } catch (PlexusCipherException e) {
            throw new IllegalStateException("could not decrypt with the master password of " + settingsSecurity, e);
        }
    }

    /**
     * Writes a settings file with one {@code <server>}: {@code serverId}, {@code username}, and {@code secret}
     * encrypted with the master password of {@code settingsSecurity}.
     */
    public static void writeServer(
            Path settingsFile, String serverId, String username, String secret, Path settingsSecurity) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!-- written by the conformance run: the run's token encrypted with the master password of "
                + settingsSecurity.getFileName() + " -->\n"
                + "<settings>\n  <servers>\n    <server>\n"
                + "      <id>" + xml(serverId) + "</id>\n"
                + "      <username>" + xml(username) + "</username>\n"
                + "      <password>" + encrypt(secret, settingsSecurity) + "</password>\n"
                + "    </server>\n  </servers>\n</settings>\n";
        try {
            Files.createDirectories(settingsFile.toAbsolutePath().getParent());
            Files.writeString(settingsFile, xml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String master(Path settingsSecurity) {
        String text;
        try {
            text = Files.readString(settingsSecurity, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher master = MASTER.matcher(text);
        if (!master.find()) {
            throw new IllegalStateException(settingsSecurity + " has no encrypted <master>{...}</master>");
        }
        try {
            return new DefaultPlexusCipher().decryptDecorated(master.group(1), MASTER_PASSPHRASE);
        } catch (PlexusCipherException e) {
            throw new IllegalStateException("could not decrypt the master password of " + settingsSecurity, e);
        }
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
