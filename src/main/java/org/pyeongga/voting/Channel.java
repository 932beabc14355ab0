package org.pyeongga.voting;

import org.jspecify.annotations.Nullable;

/** How a vote arrived: on the web by the voter ({@link #WEB}), or entered by a staff member ({@link #staff(long)}). */
public record Channel(Kind kind, @Nullable Long staffUserId) {

    public enum Kind { WEB, STAFF }

    public static final Channel WEB = new Channel(Kind.WEB, null);

    public Channel {
        if ((kind == Kind.STAFF) != (staffUserId != null)) {
            throw new IllegalArgumentException("A staff-entered vote names its staff member; a web vote none");
        }
    }

    public static Channel staff(long staffUserId) {
        return new Channel(Kind.STAFF, staffUserId);
    }
}
