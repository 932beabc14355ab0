package org.pyeongga.contest;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One edit of an entry, as its contest's managers see it: the revision number, who edited it and when, what changed
 * ({@link Change}) and the title before the edit.
 */
public record EntryRevision(int revision, Instant editedAt, @Nullable String editedByName, List<Change> changed,
        String previousTitle) {

    public EntryRevision {
        changed = List.copyOf(changed);
    }

    /** What an edit may change. */
    public enum Change {
        FIELD,
        TITLE,
        SUMMARY,
        PEOPLE,
        FILES;

        public String labelKey() {
            return "contest.edit.change." + name();
        }
    }
}
