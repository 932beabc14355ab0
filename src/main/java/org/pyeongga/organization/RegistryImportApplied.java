package org.pyeongga.organization;

import java.util.UUID;

/** A 행정표준코드 file import was confirmed and applied to the registry. */
public record RegistryImportApplied(
        UUID importId, String fileName, String fileSha256, int added, int changed, int ended) {}
