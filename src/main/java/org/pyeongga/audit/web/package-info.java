/** The audit officers' pages and API: search, export and chain verification. */
@org.jspecify.annotations.NullMarked
package org.pyeongga.audit.web;
