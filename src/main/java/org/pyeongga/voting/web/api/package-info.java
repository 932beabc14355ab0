/** The voting REST API: identity (voter tokens), ballots, votes and receipts. */
@org.jspecify.annotations.NullMarked
package org.pyeongga.voting.web.api;
