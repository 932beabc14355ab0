/**
 * Voting and participation: ballots (single choice, up to N of M, ranked with a declared counting rule) and surveys,
 * eligibility from the identity check (pseudonymous voter keys), one vote per person across the web and staff-entered
 * paper votes, secret ballots (who voted is stored apart from what was chosen), receipts, tallies computed
 * asynchronously and hidden until the owner publishes, an abuse report with voids, and policy proposals (정책장터)
 * with supports and official answers. Built for bursts: casting is verify, insert (group commit), acknowledge.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Voting (투표·참여)", allowedDependencies = {"core", "organization", "account"})
@org.jspecify.annotations.NullMarked
package org.pyeongga.voting;
