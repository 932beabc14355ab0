package org.pyeongga.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** A mail server that cannot be reached: the invitation fails with a Korean message and nothing is saved. */
@IntegrationTest
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=9", "spring.mail.properties.mail.smtp.connectiontimeout=2000"})
class InvitationMailFailureTests {

    @Autowired
    Accounts accounts;

    @LocalServerPort
    int port;

    @Test
    void anInvitationThatCannotBeMailedLeavesNoAccount() {
        var api = Http.api(port, TestUsers.admin(accounts)).postJson("/api/v1/users",
                Map.of("email", "unmailed@invite.test.pyeongga.kr", "name", "못 받은 사람", "institution", "논산시",
                        "role", "HR_OFFICER"));
        assertThat(api.getStatusCode().value()).isEqualTo(502);
        assertThat((String) api.getBody().get("detail")).contains("아무것도 바뀌지 않았습니다");
        assertThat(accounts.idOf("unmailed@invite.test.pyeongga.kr")).isEmpty();

        var page = Http.signedIn(port, TestUsers.admin(accounts)).postForm("/admin/users",
                "email=unmailed.page@invite.test.pyeongga.kr&name=x&institution=%EB%85%BC%EC%82%B0%EC%8B%9C&role=HR_OFFICER");
        assertThat(page.getStatusCode().value()).isEqualTo(502);
        assertThat(page.getBody()).contains("전자우편 서버가 초대 메일을 받지 않았습니다", "unmailed.page@invite.test.pyeongga.kr");
        assertThat(accounts.idOf("unmailed.page@invite.test.pyeongga.kr")).isEmpty();
    }
}
