package org.pyeongga.contest;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pyeongga.contest.ContestTemplate.Criterion;
import org.pyeongga.contest.ContestTemplate.FormulaPart;
import org.pyeongga.contest.ContestTemplate.StageKind;
import org.pyeongga.contest.ContestTemplate.StagePlan;

/**
 * The templates for the real cases in the domain brief (§5.3–5.4). Counts, formulas and the 남해 criteria are as
 * reported in the sources named in each template; where a source does not say (criteria weights of 보령, the number of
 * picks in a citizen vote), the template says "invented" in its note.
 */
public final class ContestTemplates {

    public static final String BORYEONG_2024_H1 = "BORYEONG_2024_H1";
    public static final String NAMHAE_2025 = "NAMHAE_2025";
    public static final String NATIONAL_2024 = "NATIONAL_2024";
    public static final String OUTSTANDING_OFFICIAL_HALF = "OUTSTANDING_OFFICIAL_HALF";

    /** The six fields of 홍성 2025 (hksisaeconomy.com no=854621), the usual set in local contests. */
    static final List<ContestField> STANDARD_FIELDS = List.of(
            new ContestField("REGULATION", "규제혁신", "Regulatory innovation"),
            new ContestField("CIVIL_CONFLICT", "민원·주민 갈등 해결", "Resolving complaints and local conflicts"),
            new ContestField("SERVICE_QUALITY", "공공서비스 질 향상", "Better public services"),
            new ContestField("NEW_POLICY", "신규 정책 발굴·추진", "New policies"),
            new ContestField("EFFICIENCY", "행정 효율 향상", "More efficient administration"),
            new ContestField("FUNDING", "공모선정 및 예산확보", "Winning grants and budgets"));

    private static final ContestTier BEST_1 = new ContestTier(1, "BEST", "최우수", "Best", 1);
    private static final ContestTier EXCELLENT_2 = new ContestTier(2, "EXCELLENT", "우수", "Excellent", 2);

    /** The five criteria of the national contest's 국민 현장평가단 (2019), equal weights. */
    private static final List<Criterion> NATIONAL_CRITERIA = List.of(new Criterion("적극성", "Proactiveness", 20),
            new Criterion("창의성", "Creativity", 20), new Criterion("난이도", "Difficulty", 20),
            new Criterion("국민체감도", "Felt by citizens", 20), new Criterion("확산가능성", "Transferability", 20));

    private static final List<Criterion> NAMHAE_CRITERIA = List.of(new Criterion("군민체감도", "Felt by residents", 25),
            new Criterion("적극성·창의성", "Proactiveness and creativity", 25),
            new Criterion("중요도·난이도", "Importance and difficulty", 25),
            new Criterion("확산가능성", "Transferability", 25));

    private static final StagePlan COMMITTEE = new StagePlan(0, StageKind.COMMITTEE, "적극행정위원회 심의·의결",
            "Proactive administration committee decision", 0, List.of(), null, null,
            "순위와 시상 등급을 심의·의결합니다.", "Decides the ranking and the award tiers.");

    private static final List<ContestTemplate> ALL = List.of(
            new ContestTemplate(BORYEONG_2024_H1, "보령시 2024 상반기 우수사례 경진대회", "Boryeong 2024 H1 best-practice contest",
                    ContestKind.BEST_PRACTICE, "2024년 상반기 적극행정 우수사례 경진대회",
                    "2024 H1 proactive administration best-practice contest", 2024, 1, true, "2024년 상반기", "2024 H1",
                    Eligibility.DEPARTMENTS, Set.of(EntryChannel.DEPARTMENT, EntryChannel.CITIZEN),
                    "부서가 상반기 적극행정 우수사례를 제출하고, 서면심사로 본선 5건을 가린 뒤 발표심사로 최우수 1, 우수 2, 장려 2건을 정합니다.",
                    "Departments submit their cases; a written round picks five finalists and a presentation round decides"
                            + " 1 best, 2 excellent and 2 encouragement awards.",
                    STANDARD_FIELDS,
                    List.of(BEST_1, EXCELLENT_2, new ContestTier(3, "MERIT", "장려", "Encouragement", 2)),
                    List.of(new StagePlan(1, StageKind.WRITTEN, "서면심사", "Written round", 5, NATIONAL_CRITERIA, 5, null,
                                    "본선 5건 선정 (심사 기준의 배점은 만든 값)", "Five finalists (criteria weights invented)"),
                            new StagePlan(2, StageKind.PRESENTATION, "발표심사", "Presentation round", 5, NATIONAL_CRITERIA,
                                    null, null, "심사위원 5명이 발표를 보고 채점", "Five judges score the presentations"),
                            withPosition(COMMITTEE, 3)),
                    List.of(new FormulaPart("FINAL", 2, "발표심사", "Presentation round", 100, "AS_IS")),
                    "동점이면 서면심사 점수가 높은 사례", "On a tie, the higher written-round score",
                    "보령시 2024 상반기 결과 (domain brief §5.4, §Standards: 세무과 최우수, 신산업전략과 우수)"),
            new ContestTemplate(NAMHAE_2025, "남해군 2025 적극행정 우수공무원 선발", "Namhae 2025 outstanding officials",
                    ContestKind.OUTSTANDING_OFFICIAL, "2025년 적극행정 우수공무원 선발",
                    "2025 selection of outstanding proactive officials", 2025, 1, true, "2025년 상반기", "2025 H1",
                    Eligibility.ALL_STAFF, Set.of(EntryChannel.DEPARTMENT, EntryChannel.STAFF, EntryChannel.CITIZEN),
                    "서면심사 80%와 군민투표 20%로 6명을 가리고, 경진대회(발표심사)로 최우수 1, 우수 2, 장려 3명을 정합니다.",
                    "Written round 80% and a residents' vote 20% pick six; a presentation round decides 1 best,"
                            + " 2 excellent and 3 encouragement awards.",
                    STANDARD_FIELDS,
                    List.of(BEST_1, EXCELLENT_2, new ContestTier(3, "MERIT", "장려", "Encouragement", 3)),
                    List.of(new StagePlan(1, StageKind.WRITTEN, "서면심사", "Written round", 5, NAMHAE_CRITERIA, null, null,
                                    "기준: 군민체감도, 적극성·창의성, 중요도·난이도, 확산가능성 (배점은 만든 값)",
                                    "Criteria as published (equal weights invented)"),
                            new StagePlan(2, StageKind.CITIZEN_VOTE, "군민투표", "Residents' vote", 0, List.of(), 6, 3,
                                    "서면 80 + 군민투표 20 합산 상위 6명 (1인 3명까지 선택은 만든 값)",
                                    "Written 80 + vote 20, top six go on (three picks per voter invented)"),
                            new StagePlan(3, StageKind.PRESENTATION, "경진대회 (발표심사)", "Presentation contest", 5,
                                    NAMHAE_CRITERIA, null, null, "발표심사로 등급 결정", "Decides the tiers"),
                            withPosition(COMMITTEE, 4)),
                    List.of(new FormulaPart("STAGE:2", 1, "서면심사", "Written round", 80, "AS_IS"),
                            new FormulaPart("STAGE:2", 2, "군민투표", "Residents' vote", 20, "VOTE_SHARE"),
                            new FormulaPart("FINAL", 3, "발표심사", "Presentation round", 100, "AS_IS")),
                    "동점이면 서면·투표 합산 점수가 높은 사람", "On a tie, the higher written-and-vote score",
                    "https://ir.newspim.com/news/view/20250708000347"),
            new ContestTemplate(NATIONAL_2024, "2024 중앙·지방 적극행정 우수사례 경진대회 본선", "2024 national best-practice final",
                    ContestKind.BEST_PRACTICE, "2024년 적극행정 우수사례 경진대회 본선",
                    "2024 national proactive administration best-practice contest, final", 2024, null, false, "2024년",
                    "2024", Eligibility.DEPARTMENTS, Set.of(EntryChannel.DEPARTMENT),
                    "인사혁신처·행정안전부 주관. 본선 17건을 국민심사단 사전 현장심사 30%, 전문가 심사 50%, 국민투표단 실시간 온라인투표 20%로 평가해 대상 6건, 최우수 11건을 정합니다.",
                    "Run by the Ministry of Personnel Management and the Ministry of the Interior and Safety: 17 finalists"
                            + " scored by a citizen panel (30%), experts (50%) and a live online citizen vote (20%);"
                            + " 6 grand prizes and 11 best awards.",
                    STANDARD_FIELDS,
                    List.of(new ContestTier(1, "GRAND_PRIZE", "대상", "Grand prize", 6),
                            new ContestTier(2, "BEST", "최우수", "Best", 11)),
                    List.of(new StagePlan(1, StageKind.CITIZEN_PANEL, "국민심사단 사전 현장심사", "Citizen panel (on site)",
                                    0, NATIONAL_CRITERIA, null, null, "본선 17건", "The 17 finalists"),
                            new StagePlan(2, StageKind.PRESENTATION, "전문가 심사", "Expert panel", 10, NATIONAL_CRITERIA,
                                    null, null, "전문가 10명", "Ten experts"),
                            new StagePlan(3, StageKind.CITIZEN_VOTE, "국민투표단 실시간 온라인투표", "Live online citizen vote",
                                    0, List.of(), null, 1, "본선 당일 실시간 투표", "Live on the day of the final"),
                            withPosition(COMMITTEE, 4)),
                    List.of(new FormulaPart("FINAL", 1, "국민심사단", "Citizen panel", 30, "AS_IS"),
                            new FormulaPart("FINAL", 2, "전문가", "Experts", 50, "AS_IS"),
                            new FormulaPart("FINAL", 3, "국민투표", "Citizen vote", 20, "MIN_MAX")),
                    "동점이면 전문가 점수가 높은 사례", "On a tie, the higher expert score",
                    "https://m.korea.kr/news/pressReleaseView.do?newsId=156662391"),
            new ContestTemplate(OUTSTANDING_OFFICIAL_HALF, "반기 적극행정 우수공무원 선발", "Half-year outstanding officials",
                    ContestKind.OUTSTANDING_OFFICIAL, "적극행정 우수공무원 선발", "Selection of outstanding proactive officials",
                    null, null, true, "", "", Eligibility.ALL_STAFF,
                    Set.of(EntryChannel.DEPARTMENT, EntryChannel.STAFF, EntryChannel.CITIZEN),
                    "부서추천·직원신청·국민추천 → 사실 및 제외대상 검증 → 1차 서면심사와 주민투표 → 2차 발표심사 → 적극행정위원회 심의·의결. 공무직을 포함한 전 직원이 대상입니다.",
                    "Nominations by departments, staff and citizens → fact and exclusion check → written round and"
                            + " residents' vote → presentation round → committee decision. All staff, including"
                            + " non-civil-service staff, may be nominated.",
                    STANDARD_FIELDS,
                    List.of(BEST_1, EXCELLENT_2, new ContestTier(3, "MERIT", "장려", "Encouragement", 3)),
                    List.of(new StagePlan(1, StageKind.WRITTEN, "1차 서면심사", "Written round", 5, NATIONAL_CRITERIA, null,
                                    null, "홍성 2025의 절차", "As in Hongseong 2025"),
                            new StagePlan(2, StageKind.CITIZEN_VOTE, "주민투표", "Residents' vote", 0, List.of(), 6, 3,
                                    "서면 80 + 주민투표 20 합산 상위 6명", "Written 80 + vote 20, top six go on"),
                            new StagePlan(3, StageKind.PRESENTATION, "2차 발표심사", "Presentation round", 5,
                                    NATIONAL_CRITERIA, null, null, "", ""),
                            withPosition(COMMITTEE, 4)),
                    List.of(new FormulaPart("STAGE:2", 1, "서면심사", "Written round", 80, "AS_IS"),
                            new FormulaPart("STAGE:2", 2, "주민투표", "Residents' vote", 20, "VOTE_SHARE"),
                            new FormulaPart("FINAL", 3, "발표심사", "Presentation round", 100, "AS_IS")),
                    "동점이면 서면·투표 합산 점수가 높은 사람", "On a tie, the higher written-and-vote score",
                    "https://hksisaeconomy.com/news/article.html?no=854621"));

    private ContestTemplates() {}

    public static List<ContestTemplate> all() {
        return ALL;
    }

    public static Optional<ContestTemplate> byCode(String code) {
        return ALL.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    private static StagePlan withPosition(StagePlan stage, int position) {
        return new StagePlan(position, stage.kind(), stage.nameKo(), stage.nameEn(), stage.judges(), stage.criteria(),
                stage.passTopN(), stage.maxChoices(), stage.noteKo(), stage.noteEn());
    }
}
