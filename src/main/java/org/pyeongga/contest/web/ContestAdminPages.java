package org.pyeongga.contest.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pyeongga.contest.ContestField;
import org.pyeongga.contest.ContestKind;
import org.pyeongga.contest.ContestPermissions;
import org.pyeongga.contest.ContestTemplates;
import org.pyeongga.contest.ContestTier;
import org.pyeongga.contest.ContestView;
import org.pyeongga.contest.Contests;
import org.pyeongga.contest.DuplicateHint;
import org.pyeongga.contest.Eligibility;
import org.pyeongga.contest.Entries;
import org.pyeongga.contest.EntryChannel;
import org.pyeongga.contest.EntryView;
import org.pyeongga.contest.ExclusionReason;
import org.pyeongga.contest.NewContest;
import org.pyeongga.contest.Phase;
import org.pyeongga.core.Actor;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.organization.InstitutionQuery;
import org.pyeongga.organization.InstitutionRegistry;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The contest owner's pages: the list of managed contests, creating one from a template or by hand, the setup view
 * (fields, tiers, channels, entry window, the template's intended stages) with opening, and the entry review (the fact
 * and exclusion check with a reason, duplicates to confirm).
 */
@Controller
class ContestAdminPages {

    private final Contests contests;
    private final Entries entries;
    private final ContestPermissions permissions;
    private final InstitutionRegistry registry;

    ContestAdminPages(Contests contests, Entries entries, ContestPermissions permissions, InstitutionRegistry registry) {
        this.contests = contests;
        this.entries = entries;
        this.permissions = permissions;
        this.registry = registry;
    }

    @ModelAttribute("section")
    String section() {
        return "contestadmin";
    }

    record Choice(long id, String name) {}

    @GetMapping("/admin/contests")
    String list(Model model) {
        requireManager();
        model.addAttribute("rows", contests.managed());
        model.addAttribute("templates", ContestTemplates.all());
        model.addAttribute("owners", owners());
        return "contest/centry/admin-list";
    }

    @PostMapping("/admin/contests/from-template")
    String fromTemplate(@RequestParam String template, @RequestParam long ownerInstitutionId) {
        return "redirect:/admin/contests/" + contests.createFromTemplate(template, ownerInstitutionId) + "?created";
    }

    @GetMapping("/admin/contests/new")
    String newForm(Model model) {
        requireManager();
        model.addAttribute("form", Map.of());
        return form(model);
    }

    @PostMapping("/admin/contests")
    String create(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
        try {
            return "redirect:/admin/contests/" + contests.create(spec(params)) + "?created";
        } catch (UserFacingException e) {
            response.setStatus(e.status().value());
            model.addAttribute("error", e);
            model.addAttribute("form", params.toSingleValueMap());
            model.addAttribute("checkedChannels", params.getOrDefault("channels", List.of()));
            return form(model);
        }
    }

    private String form(Model model) {
        model.addAttribute("owners", owners());
        model.addAttribute("kinds", ContestKind.values());
        model.addAttribute("eligibilities", Eligibility.values());
        model.addAttribute("channels", EntryChannel.values());
        return "contest/centry/admin-new";
    }

    @GetMapping("/admin/contests/{id}")
    String setup(@PathVariable long id, Model model) {
        ContestView contest = managed(id);
        model.addAttribute("contest", contest);
        model.addAttribute("template", contest.template() == null ? null : ContestTemplates.byCode(contest.template()).orElse(null));
        model.addAttribute("entryCount", entries.entries(id).size());
        return "contest/centry/admin-setup";
    }

    @PostMapping("/admin/contests/{id}/window")
    String window(@PathVariable long id, @RequestParam String opensAt, @RequestParam String closesAt) {
        contests.setWindow(id, ContestTimes.parse(opensAt), ContestTimes.parse(closesAt));
        return "redirect:/admin/contests/" + id + "?window";
    }

    @PostMapping("/admin/contests/{id}/open")
    String open(@PathVariable long id) {
        contests.open(id);
        return "redirect:/admin/contests/" + id + "?opened";
    }

    @GetMapping("/admin/contests/{id}/entries")
    String review(@PathVariable long id, Model model) {
        ContestView contest = managed(id);
        List<EntryView> all = entries.entries(id);
        Map<Long, List<DuplicateHint>> hints = new LinkedHashMap<>();
        for (DuplicateHint h : entries.duplicates(id)) {
            hints.computeIfAbsent(h.entryId(), k -> new ArrayList<>()).add(h);
        }
        model.addAttribute("contest", contest);
        model.addAttribute("entries", all);
        model.addAttribute("hints", hints);
        Map<Long, String> titles = new LinkedHashMap<>();
        all.forEach(e -> titles.put(e.id(), e.title()));
        model.addAttribute("titles", titles);
        model.addAttribute("revisions", entries.revisionsOf(id));
        model.addAttribute("reasons", EnumSet.complementOf(EnumSet.of(ExclusionReason.DUPLICATE)));
        model.addAttribute("checkable", contest.phase() == Phase.OPEN || contest.phase() == Phase.JUDGING);
        return "contest/centry/admin-entries";
    }

    @PostMapping("/admin/contests/{id}/entries/{entryId}/check")
    String check(@PathVariable long id, @PathVariable long entryId, @RequestParam String decision,
            @RequestParam(required = false) @Nullable ExclusionReason reason, @RequestParam(defaultValue = "") String note) {
        requireEntryOf(id, entryId);
        entries.check(entryId, "ACCEPT".equals(decision), "ACCEPT".equals(decision) ? null : reason, note);
        return "redirect:/admin/contests/" + id + "/entries?checked=" + entryId + "#entry-" + entryId;
    }

    @PostMapping("/admin/contests/{id}/entries/{entryId}/duplicate")
    String duplicate(@PathVariable long id, @PathVariable long entryId, @RequestParam long duplicateOf) {
        requireEntryOf(id, entryId);
        entries.markDuplicate(entryId, duplicateOf);
        return "redirect:/admin/contests/" + id + "/entries?duplicate=" + entryId + "#entry-" + entryId;
    }

    @GetMapping("/admin/contests/{id}/entries/{entryId}/files/{position}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long entryId, @PathVariable int position) {
        requireEntryOf(id, entryId);
        return download(entries.attachment(entryId, position)
                .orElseThrow(() -> UserFacingException.notFound("contest.error.entryNotFound")));
    }

    /** An evidence file as a download (never shown inline: it comes from a user). */
    static ResponseEntity<byte[]> download(Entries.AttachmentContent file) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.APPLICATION_OCTET_STREAM).body(file.content());
    }

    private void requireEntryOf(long contestId, long entryId) {
        if (entries.entry(entryId).contestId() != contestId) {
            throw UserFacingException.notFound("contest.error.entryNotFound");
        }
    }

    private ContestView managed(long id) {
        ContestView contest = contests.contest(id);
        if (!permissions.canManage(permissions.current(), contest)) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "contest.error.forbidden");
        }
        return contest;
    }

    private void requireManager() {
        if (!permissions.managesAny(permissions.current())) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "contest.error.forbidden");
        }
    }

    /** The institutions the signed-in manager may create contests for. */
    private List<Choice> owners() {
        Actor actor = permissions.current();
        LocalDate today = registry.today();
        if (permissions.managesAll(actor)) {
            return registry.search(new InstitutionQuery(today, null, null, null, null, false), 0, 500).items().stream()
                    .map(i -> new Choice(i.id(), i.name())).toList();
        }
        List<Choice> owners = new ArrayList<>();
        for (Membership m : actor.memberships()) {
            if (m.institutionId() != null && (m.role() == Role.INSTITUTION_COORDINATOR || m.role() == Role.COMMITTEE_MEMBER)
                    && owners.stream().noneMatch(c -> c.id() == m.institutionId())) {
                owners.add(new Choice(m.institutionId(), registry.detail(m.institutionId(), today).institution().name()));
            }
        }
        return owners;
    }

    /**
     * The hand-made contest from the form: fields one per line as {@code CODE | 이름 | Name}, tiers one per line as
     * {@code CODE | 이름 | Name | 인원} (rank by line order).
     */
    static NewContest spec(MultiValueMap<String, String> params) {
        long owner = number(params.getFirst("ownerInstitutionId"), "contest.error.owner");
        int year = (int) number(params.getFirst("year"), "contest.error.period");
        String half = value(params, "half");
        Set<EntryChannel> channels = EnumSet.noneOf(EntryChannel.class);
        for (String c : params.getOrDefault("channels", List.of())) {
            channels.add(enumValue(EntryChannel.class, c, "contest.error.channels"));
        }
        List<ContestField> fields = new ArrayList<>();
        for (String line : lines(value(params, "fields"))) {
            String[] p = cells(line, 3, "contest.error.fieldLine", line);
            fields.add(new ContestField(p[0], p[1], p[2]));
        }
        List<ContestTier> tiers = new ArrayList<>();
        int rank = 1;
        for (String line : lines(value(params, "tiers"))) {
            String[] p = cells(line, 4, "contest.error.tierLine", line);
            tiers.add(new ContestTier(rank++, p[0], p[1], p[2], (int) number(p[3], "contest.error.tierLine", line)));
        }
        String opens = value(params, "opensAt");
        String closes = value(params, "closesAt");
        Instant opensAt = opens.isEmpty() && closes.isEmpty() ? null : ContestTimes.parse(opens);
        Instant closesAt = opens.isEmpty() && closes.isEmpty() ? null : ContestTimes.parse(closes);
        return new NewContest(owner, enumValue(ContestKind.class, value(params, "kind"), "contest.error.kind"),
                value(params, "titleKo"), value(params, "titleEn"), year,
                half.isEmpty() ? null : (int) number(half, "contest.error.period"), value(params, "periodKo"),
                value(params, "periodEn"), enumValue(Eligibility.class, value(params, "eligible"), "contest.error.eligible"),
                channels, opensAt, closesAt, value(params, "descriptionKo"), value(params, "descriptionEn"), fields, tiers);
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String[] cells(String line, int count, String key, Object arg) {
        String[] p = line.split("\\|", -1);
        if (p.length != count) {
            throw UserFacingException.badInput(key, arg);
        }
        for (int i = 0; i < p.length; i++) {
            p[i] = p[i].strip();
        }
        return p;
    }

    private static String value(MultiValueMap<String, String> params, String name) {
        String v = params.getFirst(name);
        return v == null ? "" : v.strip();
    }

    private static long number(@Nullable String text, String key, Object... args) {
        try {
            return Long.parseLong(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw UserFacingException.badInput(key, args);
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name, String key) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw UserFacingException.badInput(key);
        }
    }
}
