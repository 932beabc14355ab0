package org.pyeongga.organization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.UserFacingException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluation groups (평가군): named sets of institutions that are ranked together. Membership is fixed when a group
 * is defined, so that later renames and mergers never change a finished evaluation.
 */
@Service
@Transactional(readOnly = true)
public class EvaluationGroups {

    /** MOIS's four classes for local-government evaluations: 광역, 시, 군, 구. */
    public static final List<String> STANDARD_CLASSES = List.of("METROPOLITAN", "CITY", "COUNTY", "DISTRICT");

    private final GroupStore store;
    private final InstitutionStore institutions;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;

    private final RegistryPermissions permissions;

    EvaluationGroups(GroupStore store, InstitutionStore institutions, ApplicationEventPublisher events,
            java.time.Clock clock, RegistryPermissions permissions) {
        this.permissions = permissions;
        this.store = store;
        this.institutions = institutions;
        this.events = events;
        this.clock = clock;
    }

    public List<EvaluationGroup> all() {
        return store.all();
    }

    public EvaluationGroup get(long id) {
        return store.find(id).orElseThrow(() -> UserFacingException.notFound("group.notFound", id));
    }

    public List<InstitutionSummary> members(long id) {
        EvaluationGroup group = get(id);
        LocalDate asOf = group.asOf() != null ? group.asOf() : org.pyeongga.core.CoreConfiguration.today(clock);
        return institutions.findAll(store.memberIds(id), asOf);
    }

    /** Defines a group with the given members, all of which must exist. */
    @Transactional
    public long define(String code, String name, @Nullable String nameEn, @Nullable String description,
            @Nullable LocalDate asOf, List<Long> memberIds) {
        permissions.requireManage();
        if (code == null || !code.matches("[A-Za-z0-9_-]{1,60}")) {
            throw UserFacingException.badInput("group.code.format");
        }
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw UserFacingException.badInput("group.name.required");
        }
        if (store.codeExists(code)) {
            throw UserFacingException.conflict("group.code.duplicate", code);
        }
        LocalDate day = asOf != null ? asOf : org.pyeongga.core.CoreConfiguration.today(clock);
        List<Long> ids = List.copyOf(new java.util.LinkedHashSet<>(memberIds));
        if (institutions.findAll(ids, day).size() != ids.size()) {
            throw UserFacingException.badInput("group.member.unknown");
        }
        long id = store.insert(code, name.strip(), nameEn, description, asOf);
        store.addMembers(id, ids);
        events.publishEvent(new EvaluationGroupDefined(id, code, ids));
        return id;
    }

    /**
     * Defines the four standard groups 광역, 시, 군, 구 from the local governments valid on {@code asOf}, with codes
     * {@code <prefix>-METROPOLITAN} etc. Returns their ids in that order.
     */
    @Transactional
    public List<Long> defineStandard(String prefix, LocalDate asOf) {
        permissions.requireManage();
        List<Long> ids = new ArrayList<>();
        for (String evaluationClass : STANDARD_CLASSES) {
            InstitutionQuery query = switch (evaluationClass) {
                case "METROPOLITAN" -> new InstitutionQuery(asOf, InstitutionLevel.METROPOLITAN, null, null, null, false);
                case "CITY" -> new InstitutionQuery(asOf, null, InstitutionKind.CITY, null, null, false);
                case "COUNTY" -> new InstitutionQuery(asOf, null, InstitutionKind.COUNTY, null, null, false);
                default -> new InstitutionQuery(asOf, null, InstitutionKind.DISTRICT, null, null, false);
            };
            List<Long> members = institutions.search(query, 0, InstitutionRegistry.MAX_PAGE_SIZE).stream()
                    .map(InstitutionSummary::id)
                    .toList();
            String label = switch (evaluationClass) {
                case "METROPOLITAN" -> "광역";
                case "CITY" -> "시";
                case "COUNTY" -> "군";
                default -> "구";
            };
            String labelEn = switch (evaluationClass) {
                case "METROPOLITAN" -> "Metropolitan";
                case "CITY" -> "Cities";
                case "COUNTY" -> "Counties";
                default -> "Districts";
            };
            ids.add(define(prefix + "-" + evaluationClass, label + " (" + asOf + ")", labelEn + " (" + asOf + ")",
                    null, asOf, members));
        }
        return ids;
    }
}
