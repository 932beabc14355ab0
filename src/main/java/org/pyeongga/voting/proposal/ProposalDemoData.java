package org.pyeongga.voting.proposal;

import java.util.Set;
import org.pyeongga.account.VoterKey;
import org.pyeongga.core.Digests;
import org.pyeongga.organization.InstitutionQuery;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.voting.Voter;
import org.pyeongga.voting.proposal.ProposalModel.AnswerKind;
import org.pyeongga.voting.proposal.ProposalModel.Category;
import org.pyeongga.voting.proposal.ProposalModel.Eligibility;
import org.pyeongga.voting.proposal.ProposalModel.NewBoard;
import org.pyeongga.voting.proposal.ProposalModel.NewProposal;
import org.pyeongga.voting.proposal.ProposalModel.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo data for the default start: 군산시's 정책장터 "우리들의 군산" (residents of 군산시, 50 supports, answer within 30
 * days) with synthetic proposals in every state: two collecting supports, one awaiting its answer, one answered (and
 * that answer revised once, so the lists show 수정됨) and one hidden. Everything is loaded once, on the start that
 * creates the board; later starts find the board and add nothing, except the revision to a board loaded before demo
 * data had one. Citizens pick 전북특별자치도 군산시 on the 개발용 identity check; staff sign in as gunsan@pyeongga.kr.
 */
@Component
@ConditionalOnProperty(name = "pyeongga.demo.enabled", havingValue = "true")
class ProposalDemoData {

    static final String BOARD = "우리들의 군산";
    /** 군산시's 행정구역 code prefix (전북특별자치도 52, 군산시 130). */
    static final String GUNSAN = "52130";
    /** The demo's answered proposal, whose answer is revised once. */
    static final String BIKES = "새만금 방조제 자전거길에 그늘 쉼터를 만들어 주세요";
    /** The public reason of that revision (일부 수용 → 수용). */
    static final String REVISION_REASON = "예산이 확보되어 수용으로 변경합니다.";
    private static final Logger log = LoggerFactory.getLogger(ProposalDemoData.class);

    private final Proposals proposals;
    private final InstitutionRegistry registry;

    ProposalDemoData(Proposals proposals, InstitutionRegistry registry) {
        this.proposals = proposals;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(55)
    void load() {
        long gunsan = registry.search(new InstitutionQuery(registry.today(), null, null, null, "군산시", false), 0, 5).items()
                .stream().filter(i -> i.name().equals("군산시")).map(i -> i.id()).findFirst().orElse(-1L);
        if (gunsan < 0) {
            return;
        }
        var existing = proposals.boards().stream().filter(b -> b.institutionId() == gunsan && b.title().equals(BOARD))
                .findFirst();
        if (existing.isPresent()) {
            // Loaded on an earlier start: only a board from before the demo had a revised answer gets its revision.
            proposals.moderation(existing.get().id(), Status.ANSWERED, false).stream()
                    .filter(p -> p.title().equals(BIKES) && p.answerRevisions() == 0).findFirst()
                    .ifPresent(p -> revise(p.id()));
            return;
        }
        long board = proposals.openBoard(new NewBoard(gunsan, BOARD,
                "군산 시민이 함께 만드는 정책장터입니다. 공감 50명이 모인 제안에는 시가 30일 안에 공식 답변을 드립니다. (데모: 합성 자료)",
                50, 30, Eligibility.REGION, GUNSAN));
        long lights = propose(board, 1, "은파호수공원 산책로에 야간 조명을 늘려 주세요",
                "은파호수공원 물빛다리 남쪽 산책로는 해가 지면 너무 어둡습니다. 저녁 운동하는 시민이 많으니 가로등을 늘리고, "
                        + "밝기를 시간대별로 조절하는 조명을 달아 주세요.", Category.SAFETY);
        support(lights, 100, 12);
        long parking = propose(board, 2, "월명동 골목 거주자 주차 공유제를 시범 운영해 주세요",
                "낮에 비어 있는 거주자 우선 주차면을 방문객과 나누면 원도심 주차난이 줄어듭니다. 앱으로 빈 시간을 알리는 방식을 제안합니다.",
                Category.TRANSPORT);
        support(parking, 200, 5);
        long bus = propose(board, 3, "시내버스 도착 정보를 정류장마다 큰 글씨로 알려 주세요",
                "어르신들이 휴대전화 앱을 쓰기 어렵습니다. 주요 정류장에 큰 글씨 도착 안내판을 늘리고 음성 안내도 더해 주세요.",
                Category.TRANSPORT);
        support(bus, 300, 52);
        long bikes = propose(board, 4, BIKES,
                "방조제 자전거길은 그늘이 없어 여름에 위험합니다. 5km마다 그늘막과 식수대를 갖춘 쉼터를 제안합니다.",
                Category.CULTURE_TOURISM);
        support(bikes, 400, 61);
        proposals.answer(bikes, AnswerKind.PARTLY_ACCEPTED,
                "좋은 제안 감사합니다. 새만금개발청과 협의하여 올해 하반기에 그늘 쉼터 3곳을 먼저 설치하고, 식수대는 수질 관리 방안을 "
                        + "마련한 뒤 내년에 검토하겠습니다. (데모 답변)");
        revise(bikes);
        long ad = propose(board, 5, "저렴한 중고차 매매 안내", "중고차를 싸게 사고 싶으면 연락 주세요.", Category.OTHER);
        proposals.hide(ad, "상업 광고라 운영 원칙에 따라 숨깁니다.");
        log.info("Demo data: 정책장터 '{}' of 군산시 with 5 proposals, one answer revised (board {})", BOARD, board);
    }

    /** The answered proposal's answer, revised once: 일부 수용 → 수용 with a public reason. */
    private void revise(long proposal) {
        proposals.reviseAnswer(proposal, AnswerKind.ACCEPTED,
                "좋은 제안 감사합니다. 새만금개발청과 협의를 마쳐 올해 하반기에 그늘 쉼터 3곳을 설치하고, 수질 관리 예산이 확보되어 "
                        + "식수대도 함께 갖추겠습니다. (데모 답변)", REVISION_REASON);
    }

    private long propose(long board, int author, String title, String body, Category category) {
        return proposals.submit(board, citizen("author-" + author), new NewProposal(title, body, category));
    }

    /** Adds {@code count} supports (the author's own is already there) from synthetic residents. */
    private void support(long proposal, int from, int count) {
        for (int i = 0; i < count - 1; i++) {
            proposals.support(proposal, citizen("resident-" + (from + i)));
        }
    }

    /** A synthetic resident of 군산시 with a stable key (never a real person's). */
    private static Voter citizen(String who) {
        return new Voter(new VoterKey(Digests.sha256Hex("pyeongga-demo-proposal-citizen|" + who)), GUNSAN + "00000", Set.of());
    }
}
