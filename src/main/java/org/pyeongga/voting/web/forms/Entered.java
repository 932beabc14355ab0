package org.pyeongga.voting.web.forms;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * What was entered on a ballot form (by a citizen on the portal, or by staff copying a paper survey), so a form shown again (an error, an expired identity check, a link back
 * from the identity check) keeps every choice: option ids under {@code option}, ranks under {@code rank_{option}},
 * survey answers under {@code q_{question}}.
 */
public record Entered(MultiValueMap<String, String> values) {

    public static final Entered NOTHING = new Entered(new LinkedMultiValueMap<>());

    public static Entered of(@Nullable Map<String, List<String>> values) {
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
