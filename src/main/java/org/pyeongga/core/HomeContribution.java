package org.pyeongga.core;

import java.util.Map;

/**
 * What a module adds to the home page's model (core renders the page but knows no module). Each contribution
 * returns the attributes its part of {@code home.html} reads.
 */
public interface HomeContribution {

    Map<String, Object> homeAttributes();
}
