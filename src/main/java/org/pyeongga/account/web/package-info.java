/** The sign-in page (and, later, account administration). */
@org.jspecify.annotations.NullMarked
package org.pyeongga.account.web;
