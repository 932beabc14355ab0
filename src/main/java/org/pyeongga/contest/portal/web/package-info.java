/** The citizens' contest pages on the participation portal: nominating an official (국민추천) after the identity check. */
@org.jspecify.annotations.NullMarked
package org.pyeongga.contest.portal.web;
