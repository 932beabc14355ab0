package org.pyeongga.scoring;

/** A unit that is scored and ranked: an institution or a contest entry, within its comparison group (광역/시/군/구). */
public record Unit(String id, String name, String group) {}
