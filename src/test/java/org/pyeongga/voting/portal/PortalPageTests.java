package org.pyeongga.voting.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The portal's pages over HTTP: what is public, where the identity check may lead, and what it never shows. */
@IntegrationTest
class PortalPageTests {

    @LocalServerPort
    int port;

    @Test
    void theHomeAndTheIdentityCheckArePublicAndTheCheckLeadsOnlyBackIntoThePortal() {
        var http = Http.browser(port);
        assertThat(http.getPage("/participate").getStatusCode().value()).isEqualTo(200);

        var own = http.getPage("/participate/verify?next=/participate/ballots/7");
        assertThat(own.getStatusCode().value()).isEqualTo(200);
        assertThat(own.getBody()).contains("name=\"next\" value=\"/participate/ballots/7\"");

        for (String elsewhere : new String[] {"https://evil.example/", "//evil.example/participate", "/admin/users",
                "/participate/verify?next=https://evil.example"}) {
            var page = http.getPage("/participate/verify?next={n}", elsewhere);
            assertThat(page.getBody()).as(elsewhere).contains("name=\"next\" value=\"/participate\"")
                    .doesNotContainPattern("value=\"[^\"]*evil");
        }
    }
}
