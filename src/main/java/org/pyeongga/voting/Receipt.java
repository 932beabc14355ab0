package org.pyeongga.voting;

/** Shown once to the voter: a random code (XXXX-XXXX-XXXX-XXXX) that later says only "counted" or "voided". */
public record Receipt(String code, long ballotId) {}
