@org.jspecify.annotations.NullMarked
package org.pyeongga.evaluation.web;
