/**
 * The citizens' participation portal ({@code /participate/**}, no staff sign-in): the identity check that sets the
 * voter cookie, open ballots and surveys, the voting pages, receipts, results with charts and the overload page.
 * Decisions: docs/decisions/0024-participation-portal.md.
 */
@org.jspecify.annotations.NullMarked
package org.pyeongga.voting.portal.web;
