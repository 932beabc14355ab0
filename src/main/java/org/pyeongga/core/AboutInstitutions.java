package org.pyeongga.core;

import java.util.List;

/** Implemented by events that concern institutions, so the audit trail can be searched by institution. */
public interface AboutInstitutions {

    List<Long> institutionIds();
}
