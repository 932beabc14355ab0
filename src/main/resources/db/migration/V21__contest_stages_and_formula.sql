-- Contest stages (서면·실무, 발표, 시민투표) judged through the judging module, with department conflicts; the final
-- formula, versioned and locked once a citizen vote of the contest opens (docs/decisions/0031).

-- Judging: a subject may carry the department that entered it and the accounts of the people involved. A panel member
-- of that department, or one of those people, never scores it (conflict kinds OWN_DEPARTMENT, PERSON_INVOLVED).
alter table judging_subject add column department_id bigint references organization_department (id);
alter table judging_subject add column people bigint[] not null default '{}';
comment on column judging_subject.department_id is '대상(공모 사례)의 부서: 같은 부서 평가위원은 심사하지 않음';
comment on column judging_subject.people is '사례 참여자의 계정: 본인은 심사하지 않음';

create table contest_stage (
    id               bigint generated always as identity primary key,
    contest_id       bigint not null references contest (id),
    position         int not null check (position between 1 and 20),
    kind             text not null check (kind in ('WRITTEN', 'PRESENTATION', 'CITIZEN_VOTE')),
    name_ko          text not null check (length(btrim(name_ko)) between 1 and 100),
    name_en          text not null check (length(btrim(name_en)) between 1 and 200),
    panel_kind       text check (panel_kind in ('EXPERT', 'CITIZEN', 'CROSS')),
    pass_rule        text not null check (pass_rule in ('ALL', 'TOP_N', 'MIN_SCORE')),
    pass_count       int check (pass_count between 1 and 1000),
    pass_min_score   numeric(7, 4) check (pass_min_score between 0 and 100),
    panel_weight     numeric(6, 2) not null default 100 check (panel_weight between 0 and 100),
    vote_weight      numeric(6, 2) not null default 0 check (vote_weight between 0 and 100),
    vote_scaling     text not null default 'VOTE_SHARE' check (vote_scaling in ('VOTE_SHARE', 'MIN_MAX')),
    vote_max_choices int check (vote_max_choices between 1 and 50),
    vote_eligibility text check (vote_eligibility in ('VERIFIED', 'REGION')),
    vote_region      text,
    ballot_id        bigint references voting_ballot (id),
    judging_round_id bigint references judging_round (id),
    status           text not null default 'SETUP' check (status in ('SETUP', 'OPEN', 'CLOSED')),
    opened_at        timestamptz,
    closed_at        timestamptz,
    closed_by        text,
    created_by       text not null,
    created_at       timestamptz not null default now(),
    unique (contest_id, position),
    check (pass_rule <> 'TOP_N' or pass_count is not null),
    check (pass_rule <> 'MIN_SCORE' or pass_min_score is not null),
    check (panel_weight + vote_weight = 100),
    check ((kind = 'CITIZEN_VOTE') = (panel_weight = 0)),
    check ((status = 'CLOSED') = (closed_at is not null))
);
create index contest_stage_contest_ix on contest_stage (contest_id);
comment on table contest_stage is '심사 단계: 서면·실무 심사, 발표 심사, 시민투표만 (단계 수는 대회마다 다름)';
comment on column contest_stage.position is '순서 (1부터): 통과한 사례가 다음 단계로';
comment on column contest_stage.kind is '종류: WRITTEN 서면·실무, PRESENTATION 발표, CITIZEN_VOTE 시민투표만';
comment on column contest_stage.panel_kind is '심사단 종류 (judging): EXPERT 전문가, CITIZEN 국민심사단, CROSS 교차';
comment on column contest_stage.pass_rule is '통과 규칙: ALL 모두, TOP_N 상위 N, MIN_SCORE 기준 점수 이상';
comment on column contest_stage.panel_weight is '단계 점수에서 심사 점수의 비중 (예: 서면 80)';
comment on column contest_stage.vote_weight is '단계 점수에서 시민투표의 비중 (예: 군민투표 20)';
comment on column contest_stage.vote_scaling is '득표를 0–100으로 바꾸는 규칙: 득표율 또는 최소–최대';
comment on column contest_stage.vote_max_choices is '한 사람이 고를 수 있는 사례 수 (예: 3)';
comment on column contest_stage.vote_eligibility is '투표 자격: VERIFIED 본인확인 국민, REGION 지역 주민 (군민투표)';
comment on column contest_stage.ballot_id is '이 단계의 시민투표 (voting)';
comment on column contest_stage.judging_round_id is '이 단계의 심사 회차 (judging, source contest)';
comment on column contest_stage.status is 'SETUP 준비, OPEN 심사 중 (점수 비공개), CLOSED 마감 (점수·통과 확정)';

create table contest_stage_criterion (
    stage_id   bigint not null references contest_stage (id) on delete cascade,
    position   int not null,
    code       text not null check (code ~ '^[A-Z0-9_]{1,40}$'),
    name_ko    text not null check (length(btrim(name_ko)) between 1 and 100),
    name_en    text not null check (length(btrim(name_en)) between 1 and 200),
    weight     numeric(6, 2) not null check (weight > 0 and weight <= 100),
    rubric     jsonb not null,
    primary key (stage_id, code),
    unique (stage_id, position)
);
comment on table contest_stage_criterion is '심사 기준과 배점 (예: 국민체감도 40, 전문성 30, 난이도 20, 확산가능성 10)';
comment on column contest_stage_criterion.weight is '배점: 한 단계의 합은 100';
comment on column contest_stage_criterion.rubric is '채점 수준 (이름과 배점 대비 비율)';

create table contest_stage_entry (
    stage_id           bigint not null references contest_stage (id) on delete cascade,
    entry_id           bigint not null references contest_entry (id),
    presentation_order int not null,
    primary key (stage_id, entry_id),
    unique (stage_id, presentation_order)
);
comment on table contest_stage_entry is '단계에 오른 사례와 발표 순서';

create table contest_stage_result (
    stage_id     bigint not null references contest_stage (id) on delete cascade,
    entry_id     bigint not null references contest_entry (id),
    panel_score  numeric(9, 4),
    judges       int not null default 0,
    votes        bigint,
    vote_scaled  numeric(9, 4),
    score        numeric(9, 4) not null,
    rank         int not null,
    passed       boolean not null,
    explanation  jsonb not null,
    primary key (stage_id, entry_id)
);
comment on table contest_stage_result is '마감한 단계의 사례별 점수: 심사위원 가중합의 평균, 득표, 단계 점수, 순위, 통과';
comment on column contest_stage_result.panel_score is '심사 점수 (0–100): 심사위원별 기준 점수 합의 평균';
comment on column contest_stage_result.judges is '점수를 낸 심사위원 수 (이해충돌로 빠진 위원 제외)';
comment on column contest_stage_result.explanation is '기준별 평균 점수와 심사위원별 합계 (추적용)';

create table contest_formula (
    id           bigint generated always as identity primary key,
    contest_id   bigint not null references contest (id),
    version      int not null check (version >= 1),
    label        text not null check (length(btrim(label)) between 1 and 100),
    components   jsonb not null,
    tie_rule     text not null,
    created_by   text not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz,
    published_by text,
    unique (contest_id, version)
);
comment on table contest_formula is '최종 점수 산식 (버전별): 구성 요소·비중·0–100 환산 규칙·동점 처리; 시민투표가 열린 뒤에는 바꿀 수 없음';
comment on column contest_formula.components is '구성 요소: 단계, 측정값(단계 점수·심사 점수·득표), 비중, 환산 규칙';
comment on column contest_formula.tie_rule is '동점 처리 규칙 (예: 비중이 큰 요소 순)';
comment on column contest_formula.published_at is '참가자에게 공개한 일시';
