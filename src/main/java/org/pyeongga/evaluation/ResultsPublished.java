package org.pyeongga.evaluation;

import java.time.LocalDate;

/** A cycle's chosen run was published: its results are public and frozen from now on. */
public record ResultsPublished(long cycleId, int runNo, LocalDate postingFrom, LocalDate postingTo, String legalBasis) {}
