-- The committee decision (적극행정위원회 심의·의결) on a contest or selection, the award list it decides, the incentive
-- catalogue, the incentives offered per tier and, per awardee, the wish, HR's eligibility check and the date applied
-- (docs/decisions/0032-contest-decision-incentives.md).

create table contest_decision (
    id                 bigint generated always as identity primary key,
    contest_id         bigint not null references contest (id),
    version            int not null check (version >= 1),
    meeting_date       date not null,
    outcome            text not null check (outcome in ('DECIDED', 'DEFERRED')),
    quorum_rule        text not null,
    members_total      int not null check (members_total >= 1),
    members_present    int not null check (members_present between 0 and members_total),
    quorum_met         boolean not null,
    proposal_used      boolean not null,
    deviation_reason   text check (length(deviation_reason) <= 2000),
    over_count_reason  text check (length(over_count_reason) <= 2000),
    correction_reason  text check (length(correction_reason) <= 2000),
    note               text not null default '' check (length(note) <= 4000),
    recorded_by        text not null,
    recorded_at        timestamptz not null default now(),
    unique (contest_id, version),
    check (outcome <> 'DECIDED' or quorum_met)
);
comment on table contest_decision is '적극행정위원회 심의·의결 기록. 고칠 때는 새 판(version)을 남기고 이전 판은 그대로 둔다';
comment on column contest_decision.outcome is '의결(DECIDED) 또는 보류(DEFERRED)';
comment on column contest_decision.quorum_rule is '의사정족수 규칙 (예: MAJORITY = 재적 과반수 출석)';
comment on column contest_decision.proposal_used is '심사 결과의 순위·제안 등급이 있어 그것과 비교했는지';
comment on column contest_decision.deviation_reason is '제안된 순위·등급과 다르게 의결한 사유';
comment on column contest_decision.over_count_reason is '등급별 시상 인원을 넘겨 의결한 사유';
comment on column contest_decision.correction_reason is '이전 판을 고친 사유 (의결된 판을 고칠 때 필수)';

create table contest_decision_attendee (
    decision_id bigint not null references contest_decision (id),
    position    int not null,
    name        text not null check (length(btrim(name)) between 1 and 100),
    affiliation text not null check (affiliation in ('INTERNAL', 'CIVILIAN')),
    role_ko     text not null default '' check (length(role_ko) <= 100),
    present     boolean not null,
    primary key (decision_id, position)
);
comment on table contest_decision_attendee is '위원회 재적 위원과 출석 여부 (내부위원·민간위원)';

create table contest_decision_award (
    decision_id        bigint not null references contest_decision (id),
    entry_id           bigint not null references contest_entry (id),
    tier_rank          smallint not null,
    proposed_tier_rank smallint,
    primary key (decision_id, entry_id)
);
comment on table contest_decision_award is '의결된 수상 사례(또는 대상자)와 등급, 심사 결과가 제안한 등급';

create table contest_incentive_kind (
    code        text primary key check (code ~ '^[A-Z0-9_]{1,40}$'),
    position    int not null unique,
    name_ko     text not null,
    name_en     text not null,
    substantial boolean not null,
    points      numeric(4, 2)
);
comment on table contest_incentive_kind is '인센티브 목록. substantial: 파격적(실질적) 인센티브 여부 (ADR 0032)';
comment on column contest_incentive_kind.points is '근무성적평정 가점처럼 점수가 있는 인센티브의 기본 점수';

insert into contest_incentive_kind (code, position, name_ko, name_en, substantial, points) values
    ('SPECIAL_PROMOTION', 1, '특별승진', 'Special promotion', true, null),
    ('SPECIAL_STEP_INCREASE', 2, '특별승급', 'Special pay-step increase', true, null),
    ('SENIORITY_PROMOTION_SHORTENED', 3, '근속승진 기간 단축', 'Shorter wait for seniority promotion', true, null),
    ('HONORARY_GRADE_SHORTENED', 4, '대우공무원 선발 기간 단축', 'Shorter wait for honorary higher grade', true, null),
    ('PERFORMANCE_BONUS_S', 5, '성과상여금 최고등급(S)', 'Top performance bonus grade (S)', true, null),
    ('RATING_BONUS_POINTS', 6, '근무성적평정 가점', 'Bonus points on the performance rating', false, 0.40),
    ('PREFERRED_TRANSFER', 7, '희망부서 전보', 'Transfer to a preferred department', false, null),
    ('REWARD_LEAVE', 8, '포상휴가', 'Reward leave', false, null),
    ('OVERSEAS_TRAINING_PRIORITY', 9, '국외훈련 우선 선발', 'Priority for overseas training', false, null),
    ('COMMENDATION', 10, '표창', 'Commendation', false, null),
    ('PRIZE_MONEY', 11, '포상금', 'Prize money', false, null);

create table contest_tier_incentive (
    contest_id     bigint not null references contest (id),
    tier_rank      smallint not null,
    incentive_code text not null references contest_incentive_kind (code),
    points         numeric(4, 2),
    primary key (contest_id, tier_rank, incentive_code),
    foreign key (contest_id, tier_rank) references contest_tier (contest_id, rank)
);
comment on table contest_tier_incentive is '등급별로 제시하는 인센티브 (예: 최우수 → 특별승진·특별승급·성과상여금 S)';

create table contest_awardee_incentive (
    id                   bigint generated always as identity primary key,
    contest_id           bigint not null references contest (id),
    entry_id             bigint not null references contest_entry (id),
    person_position      int not null,
    wish_code            text references contest_incentive_kind (code),
    wished_by            text,
    wished_at            timestamptz,
    eligible             boolean,
    eligibility_basis    text check (length(eligibility_basis) <= 300),
    eligibility_note     text check (length(eligibility_note) <= 2000),
    checked_by           text,
    checked_at           timestamptz,
    applied_on           date,
    applied_by           text,
    applied_at           timestamptz,
    unique (contest_id, entry_id, person_position),
    foreign key (entry_id, person_position) references contest_entry_person (entry_id, position),
    check (eligible is null or eligibility_basis is not null),
    check (applied_on is null or (eligible and wish_code is not null))
);
comment on table contest_awardee_incentive is '수상자별 인센티브: 본인 희망, 인사부서의 법적 요건 확인(근거·메모), 적용일';
comment on column contest_awardee_incentive.eligibility_basis is '요건 확인 근거 (예: 「지방공무원 임용령」 제38조의4)';
