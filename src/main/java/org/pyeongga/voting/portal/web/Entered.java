package org.pyeongga.voting.portal.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * What the citizen entered on a ballot form, so a form shown again (an error, an expired identity check, a link back
 * from the identity check) keeps every choice: option ids under {@code option}, ranks under {@code rank_{option}},
 * survey answers under {@code q_{question}}.
 */
record Entered(MultiValueMap<String, String> values) {

    static final Entered NOTHING = new Entered(new LinkedMultiValueMap<>());

    static Entered of(@Nullable Map<String, List<String>> values) {
        var copy = new LinkedMultiValueMap<String, String>();
        if (values != null) {
            values.forEach((name, v) -> {
                if (name.equals("option") || name.startsWith("rank_") || name.startsWith("q_")) {
                    copy.put(name, List.copyOf(v));
                }
            });
        }
        return new Entered(copy);
    }

    /** Whether {@code value} was chosen under {@code name} (a radio button or a checkbox). */
    public boolean has(String name, Object value) {
        List<String> chosen = values.get(name);
        return chosen != null && chosen.contains(String.valueOf(value));
    }

    /** The first value under {@code name}, or "" (a text answer, a rank). */
    public String value(String name) {
        String first = values.getFirst(name);
        return first == null ? "" : first;
    }

    public List<String> all(String name) {
        List<String> all = values.get(name);
        return all == null ? List.of() : all;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
