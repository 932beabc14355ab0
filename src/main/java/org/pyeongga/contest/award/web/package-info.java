/**
 * Web code for the committee decision, HR's incentive page, certificate downloads and contest statistics (pages under
 * {@code /admin/contests/{id}/...} and REST under {@code /api/v1/contests/...}).
 */
@org.jspecify.annotations.NullMarked
package org.pyeongga.contest.award.web;
