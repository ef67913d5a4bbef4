package dev.gatehouse.courier.delivery;

import dev.gatehouse.courier.ClaimedMessage;
import dev.gatehouse.courier.CourierConfig;
import dev.gatehouse.courier.Recipient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.util.Date;
import java.util.Properties;

/** Sends one message over SMTP with Jakarta Mail: multipart/alternative, plain text first, then HTML. */
@ApplicationScoped
public class SmtpMailer {

    static final String TIMEOUT_MILLIS = "10000";

    private CourierConfig config;
    private Session session;

    protected SmtpMailer() {
    }

    @Inject
    public SmtpMailer(CourierConfig config) {
        this.config = config;
        this.session = config.sends() ? session(config) : null;
    }

    static Session session(CourierConfig config) {
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", config.smtpHost().orElseThrow());
        p.setProperty("mail.smtp.port", String.valueOf(config.smtpPort()));
        p.setProperty("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        p.setProperty("mail.smtp.timeout", TIMEOUT_MILLIS);
        p.setProperty("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        switch (config.tls()) {
            case STARTTLS -> {
                p.setProperty("mail.smtp.starttls.enable", "true");
                p.setProperty("mail.smtp.starttls.required", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case TLS -> {
                p.setProperty("mail.smtp.ssl.enable", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case NONE -> { }
        }
        Authenticator auth = null;
        if (config.username().isPresent()) {
            p.setProperty("mail.smtp.auth", "true");
            String user = config.username().get();
            String password = config.password().orElse("");
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            };
        }
        return Session.getInstance(p, auth);
    }

    public void send(ClaimedMessage m) throws MessagingException {
        if (session == null) {
            throw new IllegalStateException("no SMTP server configured");
        }
        MimeMessage mime = new MimeMessage(session);
        mime.setFrom(config.from());
        mime.setRecipient(Message.RecipientType.TO, new Recipient(m.recipient()).internetAddress());
        mime.setSubject(m.subject(), "UTF-8");
        mime.setSentDate(new Date());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(m.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(m.html(), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        mime.setContent(alternative);
        Transport.send(mime);
    }
}
