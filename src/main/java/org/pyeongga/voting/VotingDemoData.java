package org.pyeongga.voting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.pyeongga.organization.InstitutionQuery;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.voting.Ballot.Eligibility;
import org.pyeongga.voting.Ballot.Kind;
import org.pyeongga.voting.Ballot.QuestionKind;
import org.pyeongga.voting.Ballot.Visibility;
import org.pyeongga.voting.BallotSpec.OptionSpec;
import org.pyeongga.voting.BallotSpec.QuestionSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo data for the default start: 보령시's survey "2026 보령시 10대 뉴스" (choose up to 3 of 12 news items, plus an
 * optional comment; anyone verified) and a single-choice vote for residents of 보령시 (residence code 44180…), both open
 * for two weeks from the first start. Vote with the 개발용 본인확인 (pick residence code 4418000000 for the second).
 */
@Component
@ConditionalOnProperty(name = "pyeongga.demo.enabled", havingValue = "true")
class VotingDemoData {

    static final String NEWS_TITLE = "2026 보령시 10대 뉴스";
    private static final Logger log = LoggerFactory.getLogger(VotingDemoData.class);

    private final Ballots ballots;
    private final InstitutionRegistry registry;
    private final Clock clock;

    VotingDemoData(Ballots ballots, InstitutionRegistry registry, Clock clock) {
        this.ballots = ballots;
        this.registry = registry;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(50)
    void load() {
        if (ballots.managedBallots().stream().anyMatch(b -> b.titleKo().equals(NEWS_TITLE))) {
            return;
        }
        long boryeong = registry.search(new InstitutionQuery(registry.today(), null, null, null, "보령시", false), 0, 5)
                .items().stream().filter(i -> i.name().equals("보령시")).map(i -> i.id()).findFirst().orElse(-1L);
        if (boryeong < 0) {
            return;
        }
        Instant opens = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant closes = opens.plus(Duration.ofDays(14));
        List<OptionSpec> news = List.of(
                new OptionSpec("보령머드축제 외국인 관광객 역대 최다", "Record number of foreign visitors at the Boryeong Mud Festival"),
                new OptionSpec("보령해저터널 개통 이후 원산도 관광객 두 배", "Wonsando visitors doubled since the Boryeong undersea tunnel"),
                new OptionSpec("대천항 복합관광센터 준공", "Daecheon Port tourism complex completed"),
                new OptionSpec("스마트 수산양식 단지 첫 출하", "First harvest at the smart aquaculture complex"),
                new OptionSpec("귀어·귀촌 가구 증가로 인구 감소세 둔화", "More people moving in to fish and farm slow the population decline"),
                new OptionSpec("보령댐 가뭄 대비 도수로 확충", "Boryeong Dam water conduit expanded against drought"),
                new OptionSpec("석탄화력 폐지 대응 에너지 전환 계획 발표", "Energy transition plan for the coal plant closures"),
                new OptionSpec("어린이 통학버스 전 읍면동 확대", "Free school buses for children in every town and district"),
                new OptionSpec("대천해수욕장 야간 경관 조성", "Night lighting along Daecheon Beach"),
                new OptionSpec("시립도서관 새 분관 개관", "New branch of the city library opened"),
                new OptionSpec("성주산 치유의 숲 개장", "Seongjusan healing forest opened"),
                new OptionSpec("무창포 신비의 바닷길 축제 관광객 증가", "More visitors at the Muchangpo sea-parting festival"));
        ballots.open(ballots.create(new BallotSpec(boryeong, Kind.SURVEY, null, 1, NEWS_TITLE, "Boryeong's top 10 news of 2026",
                "올해 보령시의 가장 중요한 소식을 최대 3개까지 골라 주세요. 결과는 마감 후 공표합니다.",
                "Choose up to three of this year's most important news items. Results are published after the close.",
                opens, closes, Eligibility.VERIFIED, null, null, Visibility.HIDDEN_UNTIL_PUBLISHED, List.of(), List.of(
                        new QuestionSpec(QuestionKind.MULTIPLE, "올해의 뉴스를 최대 3개 고르세요", "Choose up to three news items",
                                true, 3, 0, news),
                        new QuestionSpec(QuestionKind.TEXT, "목록에 없는 소식이나 의견이 있으면 적어 주세요 (선택)",
                                "Any news missing from the list, or a comment (optional)", false, 1, 500, List.of())))));
        ballots.open(ballots.create(new BallotSpec(boryeong, Kind.SINGLE, null, 1, "2026 보령머드축제 공식 포스터 시민 선택",
                "Citizens' choice of the 2026 Boryeong Mud Festival poster",
                "보령시 주민이 축제 포스터 시안 네 가지 가운데 하나를 고릅니다.",
                "Residents of Boryeong choose one of four poster designs for the festival.",
                opens, closes, Eligibility.REGION, "44180", null, Visibility.HIDDEN_UNTIL_PUBLISHED,
                List.of(new OptionSpec("1안: 갯벌 위의 가족", "Design 1: a family on the mud flats"),
                        new OptionSpec("2안: 머드 슬라이드", "Design 2: the mud slide"),
                        new OptionSpec("3안: 해저터널과 바다", "Design 3: the undersea tunnel and the sea"),
                        new OptionSpec("4안: 불꽃놀이와 해변", "Design 4: fireworks on the beach")), List.of())));
        log.info("Demo data: 2 voting ballots of 보령시 open until {}", closes);
    }
}
