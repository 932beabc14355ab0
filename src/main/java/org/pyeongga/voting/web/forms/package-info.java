/**
 * Ballot and survey forms as entered on a page, parsed and checked the same way for the citizens' portal and the
 * staff's paper entry (internal to the voting module).
 */
@org.jspecify.annotations.NullMarked
package org.pyeongga.voting.web.forms;
