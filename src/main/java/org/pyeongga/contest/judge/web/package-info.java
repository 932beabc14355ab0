/** Contest judges' pages: live scoring of a stage on a tablet (web layer of the contest module). */
@org.jspecify.annotations.NullMarked
package org.pyeongga.contest.judge.web;
