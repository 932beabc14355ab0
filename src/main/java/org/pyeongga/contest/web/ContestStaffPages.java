package org.pyeongga.contest.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pyeongga.account.StaffCards;
import org.pyeongga.contest.ContestPermissions;
import org.pyeongga.contest.ContestView;
import org.pyeongga.contest.Contests;
import org.pyeongga.contest.Entries;
import org.pyeongga.contest.EntryChannel;
import org.pyeongga.contest.EntryPerson;
import org.pyeongga.contest.EntryStatus;
import org.pyeongga.contest.EntryView;
import org.pyeongga.contest.Phase;
import org.pyeongga.contest.NewEntry;
import org.pyeongga.core.Actor;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.organization.Department;
import org.pyeongga.organization.Departments;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public list of contests ({@code /contests}) and a staff member's submission page ({@code /contests/{id}/apply}):
 * a department's case or their own application, with field, description, the people involved and their shares, and
 * evidence files; the submitter's edit page ({@code /contests/{id}/entries/{entryId}/edit}) while the window is open
 * and the entry is not yet checked.
 */
@Controller
class ContestStaffPages {

    static final int PEOPLE_ROWS = 5;

    private final Contests contests;
    private final Entries entries;
    private final ContestPermissions permissions;
    private final StaffCards staff;
    private final Departments departments;
    private final Clock clock;

    ContestStaffPages(Contests contests, Entries entries, ContestPermissions permissions, StaffCards staff,
            Departments departments, Clock clock) {
        this.contests = contests;
        this.entries = entries;
        this.permissions = permissions;
        this.staff = staff;
        this.departments = departments;
        this.clock = clock;
    }

    @ModelAttribute("section")
    String section() {
        return "contests";
    }

    /** One row of the people table as typed. */
    record PersonRow(String name, String jobTitle, String departmentId, String share, String userId) {}

    @GetMapping("/contests")
    String list(Model model) {
        List<Row> rows = contests.contests().stream().filter(c -> c.phase().announced()).map(c -> {
            ContestView view = contests.contest(c.id());
            boolean taking = view.takingEntries(clock.instant());
            return new Row(view, taking && (view.accepts(EntryChannel.DEPARTMENT) || view.accepts(EntryChannel.STAFF)),
                    taking && view.accepts(EntryChannel.CITIZEN));
        }).toList();
        model.addAttribute("rows", rows);
        return "contest/centry/list";
    }

    record Row(ContestView contest, boolean staffMay, boolean citizensMay) {}

    @GetMapping("/contests/{id}/apply")
    String form(@PathVariable long id, @RequestParam(required = false) @Nullable Long submitted, Model model) {
        ContestView contest = contests.contest(id);
        Actor actor = permissions.current();
        Long me = permissions.userId(actor);
        List<PersonRow> rows = new ArrayList<>();
        String channel = contest.accepts(EntryChannel.DEPARTMENT) ? "DEPARTMENT" : "STAFF";
        if (me != null) {
            Long dept = staff.departmentOf(me).orElse(null);
            rows.add(new PersonRow(staff.byId(me).map(StaffCards.StaffCard::name).orElse(""), "",
                    dept == null ? "" : dept.toString(), "100", ""));
        }
        model.addAttribute("form", Map.of("channel", channel));
        return page(contest, rows, submitted, model);
    }

    @PostMapping("/contests/{id}/apply")
    String submit(@PathVariable long id, @RequestParam MultiValueMap<String, String> params,
            @RequestParam(name = "evidence", required = false) @Nullable List<MultipartFile> files, Model model,
            HttpServletResponse response) {
        ContestView contest = contests.contest(id);
        List<PersonRow> rows = new ArrayList<>();
        for (int i = 0; i < PEOPLE_ROWS; i++) {
            rows.add(new PersonRow(value(params, "people[" + i + "].name"), value(params, "people[" + i + "].jobTitle"),
                    value(params, "people[" + i + "].departmentId"), value(params, "people[" + i + "].share"), ""));
        }
        try {
            EntryChannel channel = "STAFF".equals(params.getFirst("channel")) ? EntryChannel.STAFF : EntryChannel.DEPARTMENT;
            long entry = entries.submit(id, channel, new NewEntry(value(params, "fieldCode"), value(params, "title"),
                    value(params, "summary"), people(rows), evidence(files)));
            return "redirect:/contests/" + id + "/apply?submitted=" + entry;
        } catch (UserFacingException e) {
            response.setStatus(e.status().value());
            model.addAttribute("error", e);
            model.addAttribute("form", params.toSingleValueMap());
            return page(contest, rows, null, model);
        }
    }

    @PostMapping("/contests/{id}/entries/{entryId}/withdraw")
    String withdraw(@PathVariable long id, @PathVariable long entryId) {
        if (entries.entry(entryId).contestId() != id) {
            throw UserFacingException.notFound("contest.error.entryNotFound");
        }
        entries.withdraw(entryId);
        return "redirect:/contests/" + id + "/apply?withdrawn=" + entryId;
    }

    /** The submitter's edit page for their entry: the entry as it is now, or a 409 notice once it can no longer change. */
    @GetMapping("/contests/{id}/entries/{entryId}/edit")
    String editForm(@PathVariable long id, @PathVariable long entryId, Model model, HttpServletResponse response) {
        EntryView entry = own(id, entryId);
        List<PersonRow> rows = new ArrayList<>();
        for (EntryPerson p : entry.people()) {
            rows.add(new PersonRow(p.name(), p.jobTitle(), p.departmentId() == null ? "" : p.departmentId().toString(),
                    p.sharePercent().stripTrailingZeros().toPlainString(), p.userId() == null ? "" : p.userId().toString()));
        }
        Map<String, String> form = new java.util.HashMap<>();
        form.put("fieldCode", entry.fieldCode() == null ? "" : entry.fieldCode());
        form.put("title", entry.title());
        form.put("summary", entry.summary());
        model.addAttribute("form", form);
        String refusal = editRefusal(entry);
        if (refusal != null) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("refusal", refusal);
        }
        return editPage(entry, rows, List.of(), model);
    }

    @PostMapping("/contests/{id}/entries/{entryId}/edit")
    String edit(@PathVariable long id, @PathVariable long entryId, @RequestParam MultiValueMap<String, String> params,
            @RequestParam(name = "evidence", required = false) @Nullable List<MultipartFile> files, Model model,
            HttpServletResponse response) {
        EntryView entry = own(id, entryId);
        Map<Long, String> accounts = new java.util.HashMap<>();
        entry.people().forEach(p -> {
            if (p.userId() != null) {
                accounts.put(p.userId(), p.name());
            }
        });
        List<PersonRow> rows = rows(params, accounts);
        List<Integer> remove = new ArrayList<>();
        for (String v : params.getOrDefault("removeFile", List.of())) {
            try {
                remove.add(Integer.parseInt(v));
            } catch (NumberFormatException ignored) {
                // not a file of this entry: nothing to remove
            }
        }
        try {
            entries.edit(entryId, new NewEntry(value(params, "fieldCode"), value(params, "title"), value(params, "summary"),
                    people(rows), evidence(files)), Set.copyOf(remove));
            return "redirect:/contests/" + id + "/apply?edited=" + entryId;
        } catch (UserFacingException e) {
            response.setStatus(e.status().value());
            model.addAttribute("error", e);
            model.addAttribute("form", params.toSingleValueMap());
            return editPage(entry, rows, remove, model);
        }
    }

    /** The entry, when the signed-in staff member submitted it to this contest (404 otherwise, as for anyone else). */
    private EntryView own(long contestId, long entryId) {
        EntryView entry = entries.entry(entryId);
        Long me = permissions.userId(permissions.current());
        if (entry.contestId() != contestId || me == null || !me.equals(entry.submittedByUserId())
                || entry.channel() == EntryChannel.CITIZEN) {
            throw UserFacingException.notFound("contest.error.entryNotFound");
        }
        return entry;
    }

    private @Nullable String editRefusal(EntryView entry) {
        if (entry.status() != EntryStatus.SUBMITTED) {
            return "contest.error.editChecked";
        }
        ContestView contest = contests.contest(entry.contestId());
        return contest.phase() == Phase.OPEN && contest.takingEntries(clock.instant()) ? null : "contest.error.editClosed";
    }

    private String editPage(EntryView entry, List<PersonRow> rows, List<Integer> removed, Model model) {
        ContestView contest = contests.contest(entry.contestId());
        while (rows.size() < Math.max(PEOPLE_ROWS, entry.people().size())) {
            rows.add(new PersonRow("", "", "", "", ""));
        }
        model.addAttribute("contest", contest);
        model.addAttribute("entry", entry);
        model.addAttribute("rows", rows);
        model.addAttribute("removed", removed);
        model.addAttribute("departments", departments.of(contest.ownerInstitutionId(), LocalDate.now(clock)));
        model.addAttribute("maxFiles", Entries.MAX_FILES);
        model.addAttribute("maxMegabytes", Entries.MAX_FILE_BYTES / (1024 * 1024));
        return "contest/centry/edit";
    }

    /**
     * The people table as typed; an account id is kept only for someone already on the entry ({@code accounts}: id to
     * name) whose row still carries their name, so a row typed over with someone else loses the account.
     */
    private static List<PersonRow> rows(MultiValueMap<String, String> params, Map<Long, String> accounts) {
        List<PersonRow> rows = new ArrayList<>();
        for (int i = 0; i < Entries.MAX_PEOPLE; i++) {
            String p = "people[" + i + "].";
            if (i >= PEOPLE_ROWS && !params.containsKey(p + "name")) {
                break;
            }
            String account = value(params, p + "userId");
            if (!account.isEmpty() && (!account.matches("\\d{1,18}")
                    || !value(params, p + "name").equals(accounts.get(Long.parseLong(account))))) {
                account = "";
            }
            rows.add(new PersonRow(value(params, p + "name"), value(params, p + "jobTitle"), value(params, p + "departmentId"),
                    value(params, p + "share"), account));
        }
        return rows;
    }

    private static List<NewEntry.Person> people(List<PersonRow> rows) {
        List<NewEntry.Person> people = new ArrayList<>();
        for (PersonRow r : rows) {
            if (r.name().isEmpty() && r.share().isEmpty()) {
                continue;
            }
            people.add(new NewEntry.Person(r.userId().isEmpty() ? null : Long.parseLong(r.userId()), r.name(),
                    r.departmentId().isEmpty() ? null : parseId(r.departmentId()), r.jobTitle(), share(r)));
        }
        return people;
    }

    private static List<NewEntry.Evidence> evidence(@Nullable List<MultipartFile> files) {
        List<NewEntry.Evidence> evidence = new ArrayList<>();
        try {
            for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
                if (!f.isEmpty()) {
                    evidence.add(new NewEntry.Evidence(f.getOriginalFilename() == null ? "evidence" : f.getOriginalFilename(),
                            f.getContentType() == null ? "application/octet-stream" : f.getContentType(), f.getBytes()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return evidence;
    }

    @GetMapping("/contests/{id}/entries/{entryId}/files/{position}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long entryId, @PathVariable int position) {
        if (entries.entry(entryId).contestId() != id) {
            throw UserFacingException.notFound("contest.error.entryNotFound");
        }
        return ContestAdminPages.download(entries.attachment(entryId, position)
                .orElseThrow(() -> UserFacingException.notFound("contest.error.entryNotFound")));
    }

    private String page(ContestView contest, List<PersonRow> rows, @Nullable Long submitted, Model model) {
        Actor actor = permissions.current();
        Long me = permissions.userId(actor);
        Department mine = me == null ? null : staff.departmentOf(me).flatMap(departments::find).orElse(null);
        while (rows.size() < PEOPLE_ROWS) {
            rows.add(new PersonRow("", "", "", "", ""));
        }
        model.addAttribute("contest", contest);
        model.addAttribute("rows", rows);
        model.addAttribute("myDepartment", mine);
        model.addAttribute("eligible", permissions.isStaffOf(actor, contest.ownerInstitutionId()));
        model.addAttribute("taking", contest.takingEntries(clock.instant()));
        model.addAttribute("departments", departments.of(contest.ownerInstitutionId(), LocalDate.now(clock)));
        model.addAttribute("channels", List.of(EntryChannel.DEPARTMENT, EntryChannel.STAFF).stream()
                .filter(contest::accepts).toList());
        model.addAttribute("mine", entries.mine(contest.id()));
        model.addAttribute("submitted", submitted);
        model.addAttribute("maxFiles", Entries.MAX_FILES);
        model.addAttribute("maxMegabytes", Entries.MAX_FILE_BYTES / (1024 * 1024));
        return "contest/centry/apply";
    }

    private static BigDecimal share(PersonRow row) {
        try {
            return new BigDecimal(row.share().replace("%", "").strip());
        } catch (NumberFormatException e) {
            throw UserFacingException.badInput("contest.error.share", row.name().isEmpty() ? "?" : row.name());
        }
    }

    private static long parseId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw UserFacingException.badInput("contest.error.department");
        }
    }

    private static String value(MultiValueMap<String, String> params, String name) {
        String v = params.getFirst(name);
        return v == null ? "" : v.strip();
    }
}
