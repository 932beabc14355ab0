package org.pyeongga.judging;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.pyeongga.account.AccountProperties;
import org.pyeongga.core.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Reminder e-mails to evaluators with unsubmitted sheets, Korean first with English below, plain text, through the
 * mail server Spring Boot is configured with. It never throws: the outcome (sent, refused with the server's answer, or
 * no server configured) is returned so the caller records it and tells the administrator.
 */
@Component
class JudgingMail {

    private static final Logger log = LoggerFactory.getLogger(JudgingMail.class);

    private final ObjectProvider<JavaMailSender> senders;
    private final AccountProperties properties;
    private final Texts texts;

    JudgingMail(ObjectProvider<JavaMailSender> senders, AccountProperties properties, Texts texts) {
        this.senders = senders;
        this.properties = properties;
        this.texts = texts;
    }

    record Outcome(String status, @Nullable String error) {}

    Outcome sendReminder(String email, String name, String roundTitle, int unsubmitted, String baseUrl) {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            return new Outcome("NO_MAIL_SERVER", null);
        }
        String base = properties.publicUrl() == null || properties.publicUrl().isBlank() ? baseUrl : properties.publicUrl();
        Object[] args = {name, roundTitle, unsubmitted, base.replaceAll("/$", "") + "/judging"};
        try {
            MimeMessage message = sender.createMimeMessage();
            var helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(new InternetAddress(properties.mailFrom(), texts.korean("app.name"), StandardCharsets.UTF_8.name()));
            helper.setTo(email);
            helper.setSubject(texts.korean("judging.mail.reminder.subject") + " / " + texts.english("judging.mail.reminder.subject"));
            helper.setText(texts.korean("judging.mail.reminder.body", args) + "\n\n----------\n\n"
                    + texts.english("judging.mail.reminder.body", args), false);
            sender.send(message);
            return new Outcome("SENT", null);
        } catch (MailException | jakarta.mail.MessagingException | java.io.UnsupportedEncodingException e) {
            log.warn("Reminder e-mail was not accepted by the mail server: {}", e.getMessage());
            String error = String.valueOf(e.getMessage());
            return new Outcome("FAILED", error.length() > 300 ? error.substring(0, 300) : error);
        }
    }
}
