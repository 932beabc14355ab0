/**
 * The tamper-evident audit trail: every state change any module publishes as an event is recorded in the same
 * transaction, hash-chained to the previous record. Business modules never call it; it listens.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit (감사)", allowedDependencies = "core")
@org.jspecify.annotations.NullMarked
package org.pyeongga.audit;
