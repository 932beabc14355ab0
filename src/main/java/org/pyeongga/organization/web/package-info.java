/** Pages and REST endpoints of the institution registry; they call only the module's API. */
@org.jspecify.annotations.NullMarked
package org.pyeongga.organization.web;
