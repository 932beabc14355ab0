package org.pyeongga.contest;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Someone involved in an entry and their share (기여도, %; an entry's shares add up to 100): the people an award and
 * its incentives go to. {@code userId} is set for staff who have an account.
 */
public record EntryPerson(int position, @Nullable Long userId, String name, @Nullable Long departmentId,
        @Nullable String departmentName, String jobTitle, BigDecimal sharePercent) {}
