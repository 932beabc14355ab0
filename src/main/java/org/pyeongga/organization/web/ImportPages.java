package org.pyeongga.organization.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.organization.ImportOutcome;
import org.pyeongga.organization.ImportStatus;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.organization.RegistryImports;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The 행정표준코드 import: upload, progress, the preview by row, and confirmation. */
@Controller
class ImportPages {

    private final RegistryImports imports;
    private final InstitutionRegistry registry;
    private final org.pyeongga.organization.RegistryPermissions permissions;

    ImportPages(RegistryImports imports, InstitutionRegistry registry,
            org.pyeongga.organization.RegistryPermissions permissions) {
        this.imports = imports;
        this.registry = registry;
        this.permissions = permissions;
    }

    @ModelAttribute("section")
    String section() {
        return "imports";
    }

    @GetMapping("/admin/imports")
    String index(Model model) {
        permissions.requireManage();
        model.addAttribute("recent", imports.recent());
        if (!model.containsAttribute("effectiveOn")) {
            model.addAttribute("effectiveOn", registry.today());
        }
        return "organization/imports";
    }

    @PostMapping("/admin/imports")
    String upload(@RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate effectiveOn,
            Model model) throws IOException {
        try {
            UUID id = imports.upload(file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes(), effectiveOn);
            return "redirect:/admin/imports/" + id;
        } catch (UserFacingException e) {
            model.addAttribute("error", e);
            model.addAttribute("effectiveOn", effectiveOn == null ? registry.today() : effectiveOn);
            return index(model);
        }
    }

    @GetMapping("/admin/imports/{id}")
    String show(@PathVariable UUID id, @RequestParam(required = false) @Nullable ImportOutcome outcome,
            @RequestParam(defaultValue = "0") int page, Model model) {
        permissions.requireManage();
        ImportStatus status = imports.status(id);
        model.addAttribute("s", status);
        model.addAttribute("outcome", outcome);
        model.addAttribute("outcomes", ImportOutcome.values());
        if (!status.state().working()) {
            model.addAttribute("errors", imports.lines(id, ImportOutcome.ERROR, 0, 200));
            model.addAttribute("lines", imports.lines(id, outcome, Math.max(page, 0), 50));
        }
        return "organization/import";
    }

    /** The progress bar, polled by htmx while the import works; tells the page to reload when it is done. */
    @GetMapping("/admin/imports/{id}/progress")
    String progress(@PathVariable UUID id, Model model, jakarta.servlet.http.HttpServletResponse response) {
        permissions.requireManage();
        ImportStatus status = imports.status(id);
        if (!status.state().working()) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("s", status);
        return "organization/import :: progress";
    }

    @PostMapping("/admin/imports/{id}/confirm")
    String confirm(@PathVariable UUID id) {
        imports.confirm(id);
        return "redirect:/admin/imports/" + id;
    }
}
