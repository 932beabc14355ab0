package org.pyeongga.voting.proposal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.voting.Voter;
import org.pyeongga.voting.proposal.ProposalModel.Category;
import org.pyeongga.voting.proposal.ProposalModel.NewProposal;
import org.pyeongga.voting.proposal.ProposalModel.Query;
import org.pyeongga.voting.proposal.ProposalModel.Sort;
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
 * 정책장터 in the participation portal (no staff login): boards, a board's proposals with filters and progress
 * towards the threshold, a proposal with its support button and official answer, the new-proposal form and the
 * citizen's own proposals. Acting needs the portal's voter cookie; without it the pages link to the identity check.
 */
@Controller
class ProposalPortalPages {

    private static final int PAGE_SIZE = 10;

    private final Proposals proposals;
    private final VoterCredentials voters;
    private final Clock clock;

    ProposalPortalPages(Proposals proposals, VoterCredentials voters, Clock clock) {
        this.proposals = proposals;
        this.voters = voters;
        this.clock = clock;
    }

    @ModelAttribute("section")
    String section() {
        return "portal";
    }

    @GetMapping("/participate/proposals")
    String boards(Model model) {
        model.addAttribute("boards", proposals.boards());
        return "voting/proposal/boards";
    }

    @GetMapping("/participate/proposals/boards/{boardId}")
    String board(@PathVariable long boardId, @RequestParam(required = false) @Nullable Status status,
            @RequestParam(required = false) @Nullable Category category, @RequestParam(defaultValue = "SUPPORTS") Sort sort,
            @RequestParam(defaultValue = "0") int page, Model model, HttpServletRequest request) {
        var board = proposals.board(boardId);
        model.addAttribute("board", board);
        model.addAttribute("counts", proposals.statusCounts(boardId));
        model.addAttribute("results", proposals.list(new Query(boardId, status, category, sort, page, PAGE_SIZE)));
        model.addAttribute("status", status);
        model.addAttribute("category", category);
        model.addAttribute("sort", sort);
        model.addAttribute("statuses", Status.values());
        model.addAttribute("categories", Category.values());
        model.addAttribute("now", clock.instant());
        citizenModel(model, request, "/participate/proposals/boards/" + boardId);
        return "voting/proposal/board";
    }

    @GetMapping("/participate/proposals/{proposalId}")
    String proposal(@PathVariable long proposalId, Model model, HttpServletRequest request) {
        Optional<Voter> citizen = voters.fromCookie(request);
        var viewing = proposals.view(proposalId, citizen.orElse(null));
        model.addAttribute("viewing", viewing);
        model.addAttribute("p", viewing.proposal());
        model.addAttribute("board", viewing.board());
        model.addAttribute("now", clock.instant());
        model.addAttribute("eligible", citizen.map(c -> proposals.eligible(viewing.board(), c)).orElse(false));
        citizenModel(model, request, "/participate/proposals/" + proposalId);
        return "voting/proposal/proposal";
    }

    @PostMapping("/participate/proposals/{proposalId}/support")
    String support(@PathVariable long proposalId, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        return act(proposalId, request, response, model, redirect, "proposal.notice.supported",
                citizen -> proposals.support(proposalId, citizen));
    }

    @PostMapping("/participate/proposals/{proposalId}/withdraw")
    String withdraw(@PathVariable long proposalId, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        return act(proposalId, request, response, model, redirect, "proposal.notice.withdrawn",
                citizen -> proposals.withdraw(proposalId, citizen));
    }

    private String act(long proposalId, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect, String notice, java.util.function.Consumer<Voter> change) {
        Optional<Voter> citizen = voters.fromCookie(request);
        if (citizen.isEmpty()) {
            return "redirect:" + verifyUrl("/participate/proposals/" + proposalId);
        }
        try {
            change.accept(citizen.get());
            redirect.addFlashAttribute("notice", notice);
            return "redirect:/participate/proposals/" + proposalId;
        } catch (UserFacingException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("error", e);
            return proposal(proposalId, model, request);
        }
    }

    @GetMapping("/participate/proposals/boards/{boardId}/new")
    String newProposal(@PathVariable long boardId, Model model, HttpServletRequest request) {
        var board = proposals.board(boardId);
        String here = "/participate/proposals/boards/" + boardId + "/new";
        Optional<Voter> citizen = voters.fromCookie(request);
        if (citizen.isEmpty()) {
            return "redirect:" + verifyUrl(here);
        }
        model.addAttribute("board", board);
        model.addAttribute("categories", Category.values());
        model.addAttribute("eligible", proposals.eligible(board, citizen.get()));
        model.addAttribute("maxTitle", 100);
        model.addAttribute("maxBody", 4000);
        citizenModel(model, request, here);
        return "voting/proposal/new";
    }

    @PostMapping("/participate/proposals/boards/{boardId}/new")
    String submit(@PathVariable long boardId, @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String body, @RequestParam(required = false) @Nullable String category,
            Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Optional<Voter> citizen = voters.fromCookie(request);
        if (citizen.isEmpty()) {
            return "redirect:" + verifyUrl("/participate/proposals/boards/" + boardId + "/new");
        }
        Category chosen = null;
        if (category != null) {
            try {
                chosen = Category.valueOf(category);
            } catch (IllegalArgumentException e) {
                chosen = null;
            }
        }
        try {
            long id = proposals.submit(boardId, citizen.get(), new NewProposal(title, body, chosen));
            redirect.addFlashAttribute("notice", "proposal.notice.submitted");
            return "redirect:/participate/proposals/" + id;
        } catch (UserFacingException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("error", e);
            model.addAttribute("errorField", fieldOf(e.messageKey()));
            model.addAttribute("form", new NewProposal(title, body, chosen));
            return newProposal(boardId, model, request);
        }
    }

    @GetMapping("/participate/proposals/boards/{boardId}/mine")
    String mine(@PathVariable long boardId, Model model, HttpServletRequest request) {
        String here = "/participate/proposals/boards/" + boardId + "/mine";
        Optional<Voter> citizen = voters.fromCookie(request);
        if (citizen.isEmpty()) {
            return "redirect:" + verifyUrl(here);
        }
        model.addAttribute("board", proposals.board(boardId));
        model.addAttribute("mine", proposals.mine(boardId, citizen.get()));
        citizenModel(model, request, here);
        return "voting/proposal/mine";
    }

    /** Which form field a refusal is about, so the page can mark it (title, body, category) or none. */
    private static @Nullable String fieldOf(String key) {
        return switch (key) {
            case "proposal.title.invalid" -> "title";
            case "proposal.body.invalid" -> "body";
            case "proposal.category.invalid" -> "category";
            default -> null;
        };
    }

    private void citizenModel(Model model, HttpServletRequest request, String here) {
        model.addAttribute("verified", voters.fromCookie(request).isPresent());
        model.addAttribute("verifyUrl", verifyUrl(here));
    }

    static String verifyUrl(String next) {
        return "/participate/verify?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }
}
