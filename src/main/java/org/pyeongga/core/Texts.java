package org.pyeongga.core;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Resolves message keys in Korean (the default) and English, for code that builds text outside templates. */
@Component
public class Texts {

    public static final Locale KOREAN = Locale.KOREAN;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private final MessageSource messages;

    Texts(MessageSource messages) {
        this.messages = messages;
    }

    public String korean(String key, Object... args) {
        return messages.getMessage(key, args, key, KOREAN);
    }

    public String english(String key, Object... args) {
        return messages.getMessage(key, args, key, ENGLISH);
    }

    /** In the language of the current request (Korean unless the user switched). */
    public String current(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
