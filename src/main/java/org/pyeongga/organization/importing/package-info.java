/**
 * Reads 행정표준코드 기관코드 files (CSV or XLSX) into checked rows and user-facing problems, without touching the registry.
 */
@org.jspecify.annotations.NullMarked
package org.pyeongga.organization.importing;
