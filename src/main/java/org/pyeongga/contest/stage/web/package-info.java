/** A contest owner's stage, panel, formula and ranking pages and their REST API (web layer of the contest module). */
@org.jspecify.annotations.NullMarked
package org.pyeongga.contest.stage.web;
