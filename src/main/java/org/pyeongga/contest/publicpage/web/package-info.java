/** The public result page of a published contest ({@code /contests/{id}}) and its JSON twin. */
@org.jspecify.annotations.NullMarked
package org.pyeongga.contest.publicpage.web;
