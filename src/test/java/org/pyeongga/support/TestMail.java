package org.pyeongga.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real SMTP server (GreenMail) for the test JVM, on a free port of 127.0.0.1, started once and shared by every test
 * context: {@link IntegrationTest} points {@code spring.mail.host/port} at it. Tests find their own messages by
 * recipient ({@link #awaitFor(String)}), so they need not empty the server.
 */
public final class TestMail implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static GreenMail server;

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context.getEnvironment().containsProperty("spring.mail.port")) {
            return; // a test that points mail elsewhere on purpose (a server that refuses)
        }
        TestPropertyValues.of("spring.mail.host=127.0.0.1", "spring.mail.port=" + server().getSmtp().getPort())
                .applyTo(context);
    }

    /** The messages sent to {@code recipient} so far, oldest first. */
    public static List<MimeMessage> to(String recipient) {
        return Arrays.stream(server().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** Waits (up to 10 s) until {@code recipient} has at least {@code count} messages, and returns the newest. */
    public static MimeMessage awaitFor(String recipient, int count) {
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(until)) {
            var messages = to(recipient);
            if (messages.size() >= count) {
                return messages.getLast();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("No e-mail #" + count + " for " + recipient);
    }

    /** The plain-text body of a message. */
    public static String body(MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
