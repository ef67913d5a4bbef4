package dev.gatehouse.it.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) on the port the test server sends to, running during each test of the class
 * that registers it ({@code @RegisterExtension Mailbox mail = new Mailbox();}): tests read codes and links out
 * of the mail a user would get, never out of the database.
 */
public final class Mailbox implements BeforeEachCallback, AfterEachCallback {

    private static final Pattern SIX_DIGITS = Pattern.compile("(?<![0-9])[0-9]{6}(?![0-9])");

    private GreenMail smtp;

    @Override
    public void beforeEach(ExtensionContext context) {
        smtp = new GreenMail(new ServerSetup(ItServer.get().smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (smtp != null) {
            smtp.stop();
        }
    }

    /** The mails received so far for the address, oldest first. */
    public List<MimeMessage> to(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> isFor(m, address)).toList();
    }

    /** Waits (up to 30 s) until the address has {@code count} mails; returns the newest one's plain text. */
    public String awaitText(String address, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<MimeMessage> got = to(address);
            if (got.size() >= count) {
                return text(got.get(count - 1));
            }
            pause();
        }
        throw new AssertionError("expected " + count + " mail(s) to " + address + ", got " + to(address).size());
    }

    /** The plain text of the first mail to the address, waiting for it. */
    public String awaitText(String address) {
        return awaitText(address, 1);
    }

    /**
     * Waits (up to 30 s) for a mail to the address that holds a link to {@code path}; returns that mail's text
     * (the address may get other mail too, e.g. a verification code after signing up).
     */
    public String awaitMailWithLink(String address, String path) {
        Pattern link = linkPattern(path);
        return awaitMail(address, text -> link.matcher(text).find(), "a link to " + path);
    }

    /** Waits (up to 30 s) for a mail to the address whose text contains {@code fragment}; returns its text. */
    public String awaitMailContaining(String address, String fragment) {
        return awaitMail(address, text -> text.contains(fragment), "\"" + fragment + "\"");
    }

    private String awaitMail(String address, java.util.function.Predicate<String> wanted, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage m : to(address)) {
                String text = text(m);
                if (wanted.test(text)) {
                    return text;
                }
            }
            pause();
        }
        throw new AssertionError("no mail to " + address + " with " + what + " among " + to(address).size());
    }

    /** The link to {@code path} in the newest mail to the address that has one, waiting for it. */
    public String awaitLink(String address, String path) {
        return link(awaitMailWithLink(address, path), path);
    }

    private static Pattern linkPattern(String path) {
        return Pattern.compile("https?://[^\\s\"'<>]*" + Pattern.quote(path) + "\\?[^\\s\"'<>]+");
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The first absolute link in the text whose path is {@code path} (e.g. {@code /self-service/recovery}). */
    public static String link(String text, String path) {
        Matcher m = linkPattern(path).matcher(text);
        if (!m.find()) {
            throw new AssertionError("no link to " + path + " in: " + text);
        }
        return m.group();
    }

    /** The six-digit code in the text (links, which may hold digits, left aside). */
    public static String code(String text, String address) {
        Matcher m = SIX_DIGITS.matcher(text.replace(address, "").replaceAll("https?://[^\\s\"'<>]+", ""));
        if (!m.find()) {
            throw new AssertionError("no code in: " + text);
        }
        return m.group();
    }

    private static boolean isFor(MimeMessage m, String address) {
        try {
            Address[] to = m.getRecipients(Message.RecipientType.TO);
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            return false;
        }
    }

    private static String text(MimeMessage m) {
        try {
            Object content = m.getContent();
            if (content instanceof Multipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    if (parts.getBodyPart(i).isMimeType("text/plain")) {
                        return (String) parts.getBodyPart(i).getContent();
                    }
                }
            }
            return String.valueOf(content);
        } catch (MessagingException | IOException e) {
            throw new AssertionError("unreadable mail", e);
        }
    }
}
