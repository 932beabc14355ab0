package org.pyeongga.organization;

import java.time.LocalDate;
import java.util.UUID;

/** A 행정표준코드 file was uploaded for preview (the registry itself is unchanged). */
public record RegistryImportUploaded(UUID importId, String fileName, String fileSha256, LocalDate effectiveOn) {}
