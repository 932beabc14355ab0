package org.pyeongga.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.pyeongga.core.HomeContribution;
import org.springframework.stereotype.Component;

/** The registry's part of the home page: today's institutions by evaluation class. */
@Component
class RegistryHome implements HomeContribution {

    private final InstitutionRegistry registry;

    RegistryHome(InstitutionRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Map<String, Object> homeAttributes() {
        LocalDate today = registry.today();
        List<ClassCount> counts = registry.counts(InstitutionQuery.asOf(today));
        long total = counts.stream().mapToLong(ClassCount::count).sum();
        return Map.of("today", today, "counts", counts, "total", total);
    }
}
