package org.pyeongga.account.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.pyeongga.account.Accounts;
import org.pyeongga.core.Membership;
import org.pyeongga.core.ResultPage;
import org.pyeongga.core.Role;
import org.pyeongga.core.UserFacingException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** User administration over REST, with the same scoping as the pages (HTTP Basic; administrators add X-Pyeongga-OTP). */
@RestController
@RequestMapping(path = "/api/v1/users", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "사용자 (Users)", description = "직원 계정: 초대, 기관별 역할, 사용 중지. 호출자가 관리하는 기관의 사용자만 보입니다")
class UserApi {

    private final Accounts accounts;

    UserApi(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    @Operation(summary = "관리하는 사용자 목록 (이름·전자우편 검색)")
    ResultPage<Accounts.StaffView> list(@RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return accounts.search(q, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "사용자 한 명 (다른 기관 사용자는 404)")
    Accounts.StaffView get(@PathVariable long id) {
        return accounts.get(id);
    }

    /** An invitation: e-mail, name, and one membership (institution by 행정기관코드, empty for external evaluators). */
    record InviteRequest(@Nullable String email, @Nullable String name, @Nullable String institution, @Nullable Role role) {}

    record GrantRequest(@Nullable String institution, @Nullable Role role) {}

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "전자우편으로 초대 (이미 계정이 있으면 역할을 더함)")
    ResponseEntity<Accounts.StaffView> invite(@RequestBody InviteRequest request) {
        var invitation = accounts.invite(nonNull(request.email()), nonNull(request.name()),
                accounts.membership(request.institution(), request.role()), UserAdminPages.baseUrl());
        var view = accounts.get(invitation.userId());
        return ResponseEntity.created(URI.create("/api/v1/users/" + invitation.userId())).body(view);
    }

    @PostMapping(path = "/{id}/memberships", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "역할 부여")
    Accounts.StaffView grant(@PathVariable long id, @RequestBody GrantRequest request) {
        accounts.grant(id, accounts.membership(request.institution(), request.role()));
        return accounts.get(id);
    }

    @DeleteMapping("/{id}/memberships/{membershipId}")
    @Operation(summary = "역할 회수")
    Accounts.StaffView revoke(@PathVariable long id, @PathVariable long membershipId) {
        accounts.revoke(id, membershipId);
        return accounts.get(id);
    }

    @PostMapping("/{id}/disable")
    @Operation(summary = "사용 중지 (모든 세션 종료, 초대 링크 무효)")
    Accounts.StaffView disable(@PathVariable long id) {
        accounts.disable(id);
        return accounts.get(id);
    }

    @PostMapping("/{id}/enable")
    @Operation(summary = "다시 사용")
    Accounts.StaffView enable(@PathVariable long id) {
        accounts.enable(id);
        return accounts.get(id);
    }


    private static String nonNull(@Nullable String s) {
        return s == null ? "" : s;
    }
}
