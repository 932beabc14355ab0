package org.pyeongga.evaluation;

/**
 * A draft framework was changed in the editor: what was done (ADD_INDICATOR, UPDATE_INDICATOR, REMOVE_INDICATOR,
 * RENAME_AREA, REMOVE_AREA, RENAME_ITEM, REMOVE_ITEM, GRADE_ITEM, GRADE_RULE, COPY) and to what.
 */
public record FrameworkEdited(long cycleId, String action, String subject) {}
