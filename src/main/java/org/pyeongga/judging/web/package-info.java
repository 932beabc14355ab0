@org.jspecify.annotations.NullMarked
package org.pyeongga.judging.web;
