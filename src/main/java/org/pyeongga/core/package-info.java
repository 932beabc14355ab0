/**
 * Shared kernel: the error model, message resolution, clock and database wiring that every module uses.
 * Keep it tiny: nothing here knows about institutions, evaluations or votes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Core (공통)")
@org.jspecify.annotations.NullMarked
package org.pyeongga.core;
