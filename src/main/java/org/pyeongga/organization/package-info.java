/**
 * The institution registry: effective-dated institutions (local governments and others) with their lineage,
 * 행정표준코드 imports, and evaluation groups. Depends only on {@code core}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organization (기관)", allowedDependencies = "core")
@org.jspecify.annotations.NullMarked
package org.pyeongga.organization;
