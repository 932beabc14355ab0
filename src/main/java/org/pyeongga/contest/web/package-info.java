/** Contest owners' and staff pages (setup, entry review, a department's submission) and the REST API {@code ContestApi}. */
@org.jspecify.annotations.NullMarked
package org.pyeongga.contest.web;
