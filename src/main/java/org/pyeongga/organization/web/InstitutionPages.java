package org.pyeongga.organization.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.organization.ChangeType;
import org.pyeongga.organization.InstitutionDetail;
import org.pyeongga.organization.InstitutionKind;
import org.pyeongga.organization.InstitutionLevel;
import org.pyeongga.organization.InstitutionQuery;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.organization.InstitutionSummary;
import org.pyeongga.organization.NewInstitution;
import org.pyeongga.organization.Reorganization;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Institution list with filters, one institution with its history, adding institutions and recording changes. */
@Controller
class InstitutionPages {

    static final int PAGE_SIZE = 20;
    /** Kinds an administrator may add by hand; local governments come from the registry or a recorded change. */
    static final List<InstitutionKind> MANUAL_KINDS = List.copyOf(InstitutionRegistry.ADDABLE_KINDS);

    private final InstitutionRegistry registry;
    private final org.pyeongga.organization.RegistryPermissions permissions;

    InstitutionPages(InstitutionRegistry registry, org.pyeongga.organization.RegistryPermissions permissions) {
        this.registry = registry;
        this.permissions = permissions;
    }

    @ModelAttribute("section")
    String section() {
        return "institutions";
    }

    @GetMapping("/institutions")
    String list(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
            @RequestParam(required = false) @Nullable InstitutionLevel level,
            @RequestParam(required = false) @Nullable InstitutionKind kind,
            @RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        LocalDate date = asOf != null ? asOf : registry.today();
        var query = new InstitutionQuery(date, level, kind, blankToNull(region), blankToNull(q), false);
        model.addAttribute("asOf", date);
        model.addAttribute("level", level);
        model.addAttribute("kind", kind);
        model.addAttribute("region", region);
        model.addAttribute("q", q);
        model.addAttribute("levels", InstitutionLevel.values());
        model.addAttribute("kinds", InstitutionKind.values());
        model.addAttribute("provinces", registry.provinces(date));
        model.addAttribute("counts", registry.counts(query));
        model.addAttribute("result", registry.search(query, Math.max(page, 0), PAGE_SIZE));
        return "organization/list";
    }

    @GetMapping("/institutions/{id}")
    String detail(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
            Model model) {
        LocalDate date = asOf != null ? asOf : registry.today();
        InstitutionDetail detail = registry.detail(id, date);
        model.addAttribute("asOf", date);
        model.addAttribute("d", detail);
        model.addAttribute("i", detail.institution());
        return "organization/detail";
    }

    @GetMapping("/institutions/new")
    String newForm(Model model) {
        permissions.requireManage();
        model.addAttribute("form", new InstitutionForm(null, null, InstitutionKind.CENTRAL_AGENCY, null, null));
        return newPage(model);
    }

    @PostMapping("/institutions")
    String add(@ModelAttribute("form") InstitutionForm form, BindingResult binding, Model model) {
        try {
            rejectBindingErrors(binding);
            long id = registry.add(new NewInstitution(nullToEmpty(form.name()), blankToNull(form.nameEn()), form.kind(),
                    blankToNull(form.orgCode()), null, null, date("validFrom", form.validFrom()), null));
            return "redirect:/institutions/" + id + "?added";
        } catch (UserFacingException e) {
            model.addAttribute("error", e);
            return newPage(model);
        }
    }

    private String newPage(Model model) {
        model.addAttribute("manualKinds", MANUAL_KINDS);
        return "organization/new";
    }

    /** Form values for a hand-added institution (kept on a failed submit so nothing typed is lost). */
    record InstitutionForm(@Nullable String name, @Nullable String nameEn, @Nullable InstitutionKind kind,
            @Nullable String orgCode, @Nullable String validFrom) {}

    @GetMapping("/institutions/{id}/reorganize")
    String reorganizeForm(@PathVariable long id, Model model) {
        permissions.requireManage();
        InstitutionSummary from = registry.get(id, registry.today());
        LocalDate day = from.validTo() == null ? registry.today() : from.validTo().plusDays(1);
        model.addAttribute("form", ReorganizationForm.startingFrom(from, day.toString()));
        return reorganizePage(from, model);
    }

    @PostMapping("/institutions/{id}/reorganize")
    String reorganize(@PathVariable long id, @ModelAttribute("form") ReorganizationForm form, BindingResult binding,
            Model model) {
        InstitutionSummary from = registry.get(id, registry.today());
        try {
            rejectBindingErrors(binding);
            LocalDate effectiveOn = date("effectiveOn", form.effectiveOn());
            if (form.type() == null || effectiveOn == null) {
                throw UserFacingException.badInput("reorg.typeAndDateRequired");
            }
            List<Long> predecessors = new ArrayList<>(List.of(id));
            if (form.otherPredecessors() != null) {
                Arrays.stream(form.otherPredecessors()).filter(p -> p != id).forEach(predecessors::add);
            }
            List<NewInstitution> successors = new ArrayList<>();
            String[] names = form.successorNames() == null ? new String[0] : form.successorNames();
            // A rename or move usually keeps the 기관코드 (and a rename the region): blank fields carry them over.
            boolean carries = form.type() == ChangeType.RENAMED || form.type() == ChangeType.MOVED;
            for (int k = 0; k < names.length; k++) {
                if (names[k] == null || names[k].isBlank()) {
                    continue;
                }
                InstitutionKind kind = pick(form.successorKinds(), k, from.kind());
                String code = pickText(form.successorCodes(), k);
                String region = pickText(form.successorRegions(), k);
                successors.add(new NewInstitution(names[k].strip(), pickText(form.successorNamesEn(), k), kind,
                        code == null && carries ? from.orgCode() : code,
                        region != null ? region : from.regionCode(),
                        null, effectiveOn, null));
            }
            List<Long> existing = form.existingSuccessors() == null ? List.of() : Arrays.asList(form.existingSuccessors());
            List<Long> created = registry.reorganize(new Reorganization(form.type(), effectiveOn, predecessors,
                    successors, existing, Boolean.TRUE.equals(form.carryMembers()), blankToNull(form.note())));
            return "redirect:/institutions/" + (created.isEmpty() ? id : created.getFirst()) + "?asOf="
                    + effectiveOn + "&recorded";
        } catch (UserFacingException e) {
            model.addAttribute("error", e);
            return reorganizePage(from, model);
        }
    }

    private String reorganizePage(InstitutionSummary from, Model model) {
        LocalDate day = registry.today();
        var peers = new InstitutionQuery(day, from.level(), null,
                from.level() == InstitutionLevel.BASIC ? from.regionCode() : null, null, false);
        model.addAttribute("from", from);
        model.addAttribute("types", ChangeType.values());
        model.addAttribute("kinds", InstitutionKind.values());
        model.addAttribute("peers", registry.search(peers, 0, 500).items().stream()
                .filter(p -> p.id() != from.id()).toList());
        model.addAttribute("section", "institutions");
        return "organization/reorganize";
    }

    /**
     * The reorganisation form: the change, other predecessors (ticked), up to three new successors. Existing successors
     * (by id) can be named through the API; the form has no picker for them yet.
     */
    record ReorganizationForm(
            @Nullable ChangeType type,
            @Nullable String effectiveOn,
            Long @Nullable [] otherPredecessors,
            Long @Nullable [] existingSuccessors,
            String @Nullable [] successorNames,
            String @Nullable [] successorNamesEn,
            InstitutionKind @Nullable [] successorKinds,
            String @Nullable [] successorCodes,
            String @Nullable [] successorRegions,
            @Nullable Boolean carryMembers,
            @Nullable String note) {

        static ReorganizationForm startingFrom(InstitutionSummary from, String day) {
            return new ReorganizationForm(ChangeType.RENAMED, day, new Long[0], new Long[0],
                    new String[] {"", "", ""}, new String[] {"", "", ""},
                    new InstitutionKind[] {from.kind(), from.kind(), from.kind()}, new String[] {"", "", ""},
                    new String[] {"", "", ""}, false, "");
        }
    }

    /** Dates arrive as text so that a mistyped one is reported on the form instead of losing the form. */
    private static @Nullable LocalDate date(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw UserFacingException.badInput("error.date", field, text.strip());
        }
    }

    /** A value that could not be read (e.g. a malformed date) is reported on the form, which keeps what was typed. */
    private static void rejectBindingErrors(BindingResult binding) {
        if (binding.hasFieldErrors()) {
            throw UserFacingException.badInput("error.field", binding.getFieldErrors().getFirst().getField());
        }
    }

    private static <T> T pick(T @Nullable [] values, int k, T fallback) {
        return values != null && k < values.length && values[k] != null ? values[k] : fallback;
    }

    private static @Nullable String pickText(String @Nullable [] values, int k) {
        return values != null && k < values.length ? blankToNull(values[k]) : null;
    }

    static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nullToEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
