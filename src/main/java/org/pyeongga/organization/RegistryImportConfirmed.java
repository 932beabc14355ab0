package org.pyeongga.organization;

import java.util.UUID;

/** Someone confirmed an import preview; {@link RegistryImportApplied} follows when it is applied. */
public record RegistryImportConfirmed(UUID importId) {}
