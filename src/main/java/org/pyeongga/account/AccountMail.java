package org.pyeongga.account;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.pyeongga.core.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Invitation e-mails, Korean first with English below, plain text. Sent through the SMTP server Spring Boot is
 * configured with ({@code spring.mail.host}); without one (a developer's machine) nothing is sent and the caller shows
 * the link to the inviting administrator instead.
 */
@Component
class AccountMail {

    private static final Logger log = LoggerFactory.getLogger(AccountMail.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Seoul"));

    private final ObjectProvider<JavaMailSender> senders;
    private final AccountProperties properties;
    private final Texts texts;

    AccountMail(ObjectProvider<JavaMailSender> senders, AccountProperties properties, Texts texts) {
        this.senders = senders;
        this.properties = properties;
        this.texts = texts;
    }

    /**
     * Sends the invitation; false when no mail server is configured. A server that refuses the message is an error
     * the caller must report (and roll back on): the person would otherwise wait for a mail that never comes.
     */
    boolean sendInvitation(String email, String name, String inviter, String link, Instant expiresAt, boolean newAccount) {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            log.warn("No mail server (spring.mail.host): invitation for user {} not e-mailed", email.replaceAll("(?<=.).(?=[^@]*@)", "*"));
            return false;
        }
        String kind = newAccount ? "new" : "role";
        Object[] args = {name, inviter, link, WHEN.format(expiresAt)};
        String body = texts.korean("mail.invitation." + kind + ".body", args) + "\n\n----------\n\n"
                + texts.english("mail.invitation." + kind + ".body", args);
        try {
            MimeMessage message = sender.createMimeMessage();
            var helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(new InternetAddress(properties.mailFrom(), texts.korean("app.name"), StandardCharsets.UTF_8.name()));
            helper.setTo(email);
            helper.setSubject(texts.korean("mail.invitation." + kind + ".subject") + " / "
                    + texts.english("mail.invitation." + kind + ".subject"));
            helper.setText(body, false);
            sender.send(message);
            return true;
        } catch (MailException | jakarta.mail.MessagingException | java.io.UnsupportedEncodingException e) {
            log.error("Invitation e-mail was not accepted by the mail server: {}", e.getMessage());
            throw new org.pyeongga.core.UserFacingException(org.springframework.http.HttpStatus.BAD_GATEWAY, "account.mail.failed");
        }
    }
}
