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

    /** The six 기관유형 of 민원서비스 종합평가: 중앙행정기관, 시·도, 시, 군, 구, 교육청 (ADR 0021). */
    public static final List<String> CIVIL_SERVICE_CLASSES =
            List.of("CENTRAL", "METROPOLITAN", "CITY", "COUNTY", "DISTRICT", "EDUCATION");

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
        return defineClasses(prefix, asOf, STANDARD_CLASSES);
    }

    /**
     * Defines the six 기관유형 of 민원서비스 종합평가 from the institutions valid on {@code asOf}: 중앙행정기관, 시·도,
     * 시, 군, 구, 교육청 (2024: 47, 17, 75, 82, 69, 17 = 307), with codes {@code <prefix>-CENTRAL} etc. Returns their
     * ids in that order. Every central agency and education office in the registry on that day is a member; a program
     * that evaluates fewer defines its group with {@link #define} and an explicit list.
     */
    @Transactional
    public List<Long> defineCivilService(String prefix, LocalDate asOf) {
        return defineClasses(prefix, asOf, CIVIL_SERVICE_CLASSES);
    }

    private List<Long> defineClasses(String prefix, LocalDate asOf, List<String> classes) {
        permissions.requireManage();
        List<Long> ids = new ArrayList<>();
        for (String evaluationClass : classes) {
            InstitutionQuery query = switch (evaluationClass) {
                case "METROPOLITAN" -> new InstitutionQuery(asOf, InstitutionLevel.METROPOLITAN, null, null, null, false);
                case "CENTRAL" -> new InstitutionQuery(asOf, InstitutionLevel.CENTRAL, null, null, null, false);
                case "EDUCATION" -> new InstitutionQuery(asOf, InstitutionLevel.EDUCATION, null, null, null, false);
                case "CITY" -> new InstitutionQuery(asOf, null, InstitutionKind.CITY, null, null, false);
                case "COUNTY" -> new InstitutionQuery(asOf, null, InstitutionKind.COUNTY, null, null, false);
                default -> new InstitutionQuery(asOf, null, InstitutionKind.DISTRICT, null, null, false);
            };
            List<Long> members = institutions.search(query, 0, InstitutionRegistry.MAX_PAGE_SIZE).stream()
                    .map(InstitutionSummary::id)
                    .toList();
            String label = switch (evaluationClass) {
                case "METROPOLITAN" -> classes == STANDARD_CLASSES ? "광역" : "시·도";
                case "CENTRAL" -> "중앙행정기관";
                case "EDUCATION" -> "교육청";
                case "CITY" -> "시";
                case "COUNTY" -> "군";
                default -> "구";
            };
            String labelEn = switch (evaluationClass) {
                case "METROPOLITAN" -> "Metropolitan";
                case "CENTRAL" -> "Central agencies";
                case "EDUCATION" -> "Education offices";
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
