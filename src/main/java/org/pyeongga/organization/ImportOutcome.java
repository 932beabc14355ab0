package org.pyeongga.organization;

/** What an import does with one row of the file. */
public enum ImportOutcome {
    /** A new institution will be added. */
    NEW,
    /** An existing institution changes: a 기관코드 is filled in, it is renamed, or a lineage link is added. */
    CHANGED,
    /** An existing institution ends (폐지일자). */
    ENDED,
    /** The registry already says what the row says. */
    UNCHANGED,
    /** Not an institution the registry keeps (a department, or a code abolished before we knew it). */
    SKIPPED,
    /** The row is wrong; the file cannot be applied until it is fixed. */
    ERROR;

    public String labelKey() {
        return "import.outcome." + name();
    }
}
