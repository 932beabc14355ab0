package org.pyeongga.voting.proposal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.voting.proposal.ProposalModel.AnswerKind;
import org.pyeongga.voting.proposal.ProposalModel.Eligibility;
import org.pyeongga.voting.proposal.ProposalModel.NewBoard;
import org.pyeongga.voting.proposal.ProposalModel.Status;
import org.pyeongga.voting.proposal.Proposals;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 정책장터 for the staff of a board's institution: their boards (open one, close or reopen it), every proposal with
 * hidden ones, hiding with a reason, restoring, and the official answer with its revisions (each with a reason) and
 * their history. Another institution's board answers 404.
 */
@Controller
class ProposalAdminPages {

    private final Proposals proposals;
    private final Clock clock;

    ProposalAdminPages(Proposals proposals, Clock clock) {
        this.proposals = proposals;
        this.clock = clock;
    }

    @ModelAttribute("section")
    String section() {
        return "proposals";
    }

    @GetMapping("/admin/voting/proposals")
    String boards(Model model) {
        model.addAttribute("boards", proposals.managedBoards());
        model.addAttribute("institutions", proposals.managedInstitutions());
        model.addAttribute("eligibilities", Eligibility.values());
        return "voting/proposal/admin-boards";
    }

    @PostMapping("/admin/voting/proposals/boards")
    String openBoard(@RequestParam long institutionId, @RequestParam String title,
            @RequestParam(required = false) @Nullable String description, @RequestParam int supportThreshold,
            @RequestParam int answerDays, @RequestParam Eligibility eligibility,
            @RequestParam(required = false) @Nullable String regionPrefix, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            long id = proposals.openBoard(new NewBoard(institutionId, title, description, supportThreshold, answerDays,
                    eligibility, regionPrefix));
            redirect.addFlashAttribute("notice", "proposal.notice.boardOpened");
            return "redirect:/admin/voting/proposals/boards/" + id;
        } catch (UserFacingException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("error", e);
            return boards(model);
        }
    }

    @GetMapping("/admin/voting/proposals/boards/{boardId}")
    String board(@PathVariable long boardId, @RequestParam(required = false) @Nullable Status status,
            @RequestParam(defaultValue = "false") boolean hidden, Model model) {
        model.addAttribute("board", proposals.managedBoard(boardId));
        model.addAttribute("items", proposals.moderation(boardId, status, hidden));
        model.addAttribute("status", status);
        model.addAttribute("hidden", hidden);
        model.addAttribute("statuses", Status.values());
        model.addAttribute("now", clock.instant());
        return "voting/proposal/admin-board";
    }

    @PostMapping("/admin/voting/proposals/boards/{boardId}/open")
    String setOpen(@PathVariable long boardId, @RequestParam boolean open, RedirectAttributes redirect) {
        proposals.setBoardOpen(boardId, open);
        redirect.addFlashAttribute("notice", open ? "proposal.notice.boardReopened" : "proposal.notice.boardClosed");
        return "redirect:/admin/voting/proposals/boards/" + boardId;
    }

    @GetMapping("/admin/voting/proposals/{proposalId}")
    String proposal(@PathVariable long proposalId, Model model) {
        var proposal = proposals.managedProposal(proposalId);
        model.addAttribute("p", proposal);
        model.addAttribute("board", proposals.managedBoard(proposal.boardId()));
        model.addAttribute("kinds", AnswerKind.values());
        model.addAttribute("versions", proposals.answerVersions(proposalId));
        model.addAttribute("now", clock.instant());
        return "voting/proposal/admin-proposal";
    }

    @PostMapping("/admin/voting/proposals/{proposalId}/hide")
    String hide(@PathVariable long proposalId, @RequestParam(required = false) @Nullable String reason, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        model.addAttribute("reason", reason);
        return onProposal(proposalId, model, response, redirect, "proposal.notice.hidden", () -> {
            proposals.hide(proposalId, reason);
            return null;
        });
    }

    @PostMapping("/admin/voting/proposals/{proposalId}/restore")
    String restore(@PathVariable long proposalId, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return onProposal(proposalId, model, response, redirect, "proposal.notice.restored", () -> {
            proposals.restore(proposalId);
            return null;
        });
    }

    @PostMapping("/admin/voting/proposals/{proposalId}/answer")
    String answer(@PathVariable long proposalId, @RequestParam(required = false) @Nullable AnswerKind kind,
            @RequestParam(required = false) @Nullable String text, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        model.addAttribute("answerKind", kind);
        model.addAttribute("answerText", text);
        return onProposal(proposalId, model, response, redirect, "proposal.notice.answered", () -> {
            proposals.answer(proposalId, kind, text);
            return null;
        });
    }

    @PostMapping("/admin/voting/proposals/{proposalId}/answer/revise")
    String revise(@PathVariable long proposalId, @RequestParam(required = false) @Nullable AnswerKind kind,
            @RequestParam(required = false) @Nullable String text, @RequestParam(required = false) @Nullable String reason,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        model.addAttribute("revisionKind", kind);
        model.addAttribute("revisionText", text);
        model.addAttribute("revisionReason", reason);
        return onProposal(proposalId, model, response, redirect, "proposal.notice.revised", () -> {
            proposals.reviseAnswer(proposalId, kind, text, reason);
            return null;
        });
    }

    /** Runs a change; on success back to the proposal with a notice, on a user's error the same page with the message. */
    private String onProposal(long proposalId, Model model, HttpServletResponse response, RedirectAttributes redirect,
            String notice, Supplier<@Nullable Object> change) {
        try {
            change.get();
            redirect.addFlashAttribute("notice", notice);
            return "redirect:/admin/voting/proposals/" + proposalId;
        } catch (UserFacingException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("error", e);
            return proposal(proposalId, model);
        }
    }
}
