-- Judging: rounds of subjects to score, panels of evaluators, typed conflicts of interest, assignments (automatic or
-- manual with a reason), rubric score sheets and reminders. Shared by institution evaluations and (later) contests:
-- a round names its source (e.g. 'evaluation' and the cycle id), never an evaluation table.

create table judging_round (
    id             bigint generated always as identity primary key,
    source         text not null check (source ~ '^[a-z]{1,30}$'),
    source_ref     text not null check (length(source_ref) between 1 and 60),
    title          text not null check (length(btrim(title)) between 1 and 200),
    as_of          date not null,
    comment_below  numeric(5, 4) not null default 0.6 check (comment_below between 0 and 1),
    former_employer_years int not null default 3 check (former_employer_years between 0 and 20),
    closes_at      timestamptz,
    created_by     text not null,
    created_at     timestamptz not null default now(),
    unique (source, source_ref)
);
comment on table judging_round is '심사 회차: 한 평가 회차(또는 공모)의 정성 심사 전체';
comment on column judging_round.id is '심사 회차 식별자';
comment on column judging_round.source is '심사를 연 모듈 (예: evaluation)';
comment on column judging_round.source_ref is '그 모듈 안의 식별자 (예: 평가 회차 번호)';
comment on column judging_round.title is '이름';
comment on column judging_round.as_of is '이해충돌 판단 기준일';
comment on column judging_round.comment_below is '이 비율(배점 대비) 미만의 점수에는 의견이 필수';
comment on column judging_round.former_employer_years is '전 직장을 이해충돌로 보는 기간 (년)';
comment on column judging_round.closes_at is '채점 마감 일시 (이후 저장·제출 불가)';
comment on column judging_round.created_by is '연 사람';
comment on column judging_round.created_at is '연 일시';

create table judging_panel (
    id          bigint generated always as identity primary key,
    round_id    bigint not null references judging_round (id) on delete cascade,
    kind        text not null check (kind in ('EXPERT', 'CITIZEN', 'CROSS')),
    name        text not null check (length(btrim(name)) between 1 and 100),
    required_per_subject int not null default 3 check (required_per_subject between 1 and 20),
    created_at  timestamptz not null default now(),
    unique (round_id, name)
);
comment on table judging_panel is '평가단: 민간전문가, 국민평가단, 교차평가(다른 기관 공무원)';
comment on column judging_panel.id is '평가단 식별자';
comment on column judging_panel.round_id is '심사 회차';
comment on column judging_panel.kind is '종류: EXPERT 민간전문가, CITIZEN 국민평가단, CROSS 교차평가';
comment on column judging_panel.name is '이름';
comment on column judging_panel.required_per_subject is '심사 대상 하나에 필요한 평가위원 수';
comment on column judging_panel.created_at is '만든 일시';

create table judging_panel_member (
    panel_id   bigint not null references judging_panel (id) on delete cascade,
    user_id    bigint not null references account_user (id),
    max_load   int not null default 0 check (max_load >= 0),
    added_by   text not null,
    added_at   timestamptz not null default now(),
    primary key (panel_id, user_id)
);
comment on table judging_panel_member is '평가단 위원 (평가위원 역할의 계정)';
comment on column judging_panel_member.panel_id is '평가단';
comment on column judging_panel_member.user_id is '평가위원 계정';
comment on column judging_panel_member.max_load is '최대 배정 수 (0은 제한 없음)';
comment on column judging_panel_member.added_by is '추가한 사람';
comment on column judging_panel_member.added_at is '추가 일시';

create table judging_evaluator (
    user_id    bigint primary key references account_user (id),
    expertise  text[] not null default '{}',
    updated_at timestamptz not null default now()
);
comment on table judging_evaluator is '평가위원 정보: 전문 분야';
comment on column judging_evaluator.user_id is '평가위원 계정';
comment on column judging_evaluator.expertise is '전문 분야 꼬리표 (예: 규제, 복지, 군)';
comment on column judging_evaluator.updated_at is '변경 일시';

create table judging_former_employer (
    id             bigint generated always as identity primary key,
    user_id        bigint not null references account_user (id),
    institution_id bigint not null references organization_institution (id),
    until          date not null,
    recorded_by    text not null,
    recorded_at    timestamptz not null default now(),
    unique (user_id, institution_id)
);
comment on table judging_former_employer is '평가위원의 전 직장 (기준일로부터 N년 이내면 이해충돌)';
comment on column judging_former_employer.id is '식별자';
comment on column judging_former_employer.user_id is '평가위원 계정';
comment on column judging_former_employer.institution_id is '전 직장 기관';
comment on column judging_former_employer.until is '근무 종료일';
comment on column judging_former_employer.recorded_by is '기록한 사람';
comment on column judging_former_employer.recorded_at is '기록 일시';

create table judging_declared_conflict (
    id             bigint generated always as identity primary key,
    round_id       bigint not null references judging_round (id) on delete cascade,
    user_id        bigint not null references account_user (id),
    institution_id bigint not null references organization_institution (id),
    reason         text not null check (length(btrim(reason)) between 1 and 500),
    declared_by    text not null,
    declared_at    timestamptz not null default now(),
    unique (round_id, user_id, institution_id)
);
comment on table judging_declared_conflict is '신고된 이해충돌 (친족 근무, 자문 등): 사유 필수';
comment on column judging_declared_conflict.id is '식별자';
comment on column judging_declared_conflict.round_id is '심사 회차';
comment on column judging_declared_conflict.user_id is '평가위원 계정';
comment on column judging_declared_conflict.institution_id is '이해충돌 기관';
comment on column judging_declared_conflict.reason is '사유';
comment on column judging_declared_conflict.declared_by is '신고한 사람 (본인 또는 관리자)';
comment on column judging_declared_conflict.declared_at is '신고 일시';

create table judging_subject (
    id             bigint generated always as identity primary key,
    round_id       bigint not null references judging_round (id) on delete cascade,
    panel_id       bigint not null references judging_panel (id),
    subject_ref    text not null,
    institution_id bigint references organization_institution (id),
    name           text not null,
    grouping       text not null default '',
    criterion      text not null,
    criterion_name text not null,
    tags           text[] not null default '{}',
    max_points     numeric(10, 4) not null check (max_points > 0),
    rubric         jsonb not null,
    unique (round_id, subject_ref, criterion)
);
create index judging_subject_panel_ix on judging_subject (panel_id);
comment on table judging_subject is '심사 대상: 기관(또는 공모작) × 정성 지표';
comment on column judging_subject.id is '심사 대상 식별자';
comment on column judging_subject.round_id is '심사 회차';
comment on column judging_subject.panel_id is '채점하는 평가단';
comment on column judging_subject.subject_ref is '대상의 식별자 (기관 식별자 등)';
comment on column judging_subject.institution_id is '대상 기관 (이해충돌 판단용)';
comment on column judging_subject.name is '대상 이름';
comment on column judging_subject.grouping is '평가군 (예: 시)';
comment on column judging_subject.criterion is '지표 코드';
comment on column judging_subject.criterion_name is '지표 이름';
comment on column judging_subject.tags is '주제 꼬리표 (전문 분야와 맞으면 배정 우선)';
comment on column judging_subject.max_points is '만점';
comment on column judging_subject.rubric is '채점 기준표: 수준별 이름과 점수';

create table judging_assignment (
    id          bigint generated always as identity primary key,
    subject_id  bigint not null references judging_subject (id) on delete cascade,
    user_id     bigint not null references account_user (id),
    origin      text not null check (origin in ('AUTO', 'MANUAL')),
    reason      text,
    created_by  text not null,
    created_at  timestamptz not null default now(),
    unique (subject_id, user_id),
    check (origin = 'AUTO' or length(btrim(reason)) > 0)
);
create index judging_assignment_user_ix on judging_assignment (user_id);
comment on table judging_assignment is '배정: 평가위원 × 심사 대상 (자동 또는 사유를 적은 수동 배정)';
comment on column judging_assignment.id is '배정 식별자';
comment on column judging_assignment.subject_id is '심사 대상';
comment on column judging_assignment.user_id is '평가위원 계정';
comment on column judging_assignment.origin is '자동(최소비용흐름) 또는 수동';
comment on column judging_assignment.reason is '수동 배정 사유';
comment on column judging_assignment.created_by is '배정한 사람';
comment on column judging_assignment.created_at is '배정 일시';

create table judging_exclusion (
    subject_id  bigint not null references judging_subject (id) on delete cascade,
    user_id     bigint not null references account_user (id),
    reason      text not null check (length(btrim(reason)) between 1 and 500),
    excluded_by text not null,
    excluded_at timestamptz not null default now(),
    primary key (subject_id, user_id)
);
comment on table judging_exclusion is '관리자가 뺀 배정: 자동 배정이 다시 만들지 않는다';
comment on column judging_exclusion.subject_id is '심사 대상';
comment on column judging_exclusion.user_id is '평가위원 계정';
comment on column judging_exclusion.reason is '뺀 사유';
comment on column judging_exclusion.excluded_by is '뺀 사람';
comment on column judging_exclusion.excluded_at is '뺀 일시';

create table judging_sheet (
    assignment_id bigint primary key references judging_assignment (id) on delete cascade,
    level         int,
    score         numeric(10, 4),
    comment       text check (comment is null or length(comment) <= 2000),
    status        text not null default 'DRAFT' check (status in ('DRAFT', 'SUBMITTED')),
    saved_at      timestamptz not null default now(),
    submitted_at  timestamptz,
    reopen_reason text,
    reopened_by   text,
    reopened_at   timestamptz,
    check ((status = 'SUBMITTED') = (submitted_at is not null)),
    check (status = 'DRAFT' or score is not null)
);
comment on table judging_sheet is '채점표: 기준표 수준과 점수, 의견; 임시 저장 후 제출, 관리자가 사유를 적고 다시 열 수 있음';
comment on column judging_sheet.assignment_id is '배정';
comment on column judging_sheet.level is '고른 기준표 수준 (0부터)';
comment on column judging_sheet.score is '점수';
comment on column judging_sheet.comment is '의견 (기준 미만 점수에는 필수)';
comment on column judging_sheet.status is '상태: 임시 저장 또는 제출';
comment on column judging_sheet.saved_at is '마지막 저장 일시';
comment on column judging_sheet.submitted_at is '제출 일시';
comment on column judging_sheet.reopen_reason is '마지막으로 다시 연 사유';
comment on column judging_sheet.reopened_by is '다시 연 관리자';
comment on column judging_sheet.reopened_at is '다시 연 일시';

create table judging_reminder (
    id           bigint generated always as identity primary key,
    round_id     bigint not null references judging_round (id) on delete cascade,
    user_id      bigint not null references account_user (id),
    unsubmitted  int not null check (unsubmitted > 0),
    status       text not null check (status in ('SENT', 'FAILED', 'NO_MAIL_SERVER')),
    error        text,
    requested_by text not null,
    requested_at timestamptz not null default now()
);
create index judging_reminder_round_ix on judging_reminder (round_id, user_id);
comment on table judging_reminder is '미제출 채점표 독촉 메일: 보내지 못한 것도 상태와 함께 남긴다';
comment on column judging_reminder.id is '식별자';
comment on column judging_reminder.round_id is '심사 회차';
comment on column judging_reminder.user_id is '평가위원 계정';
comment on column judging_reminder.unsubmitted is '보낼 때 미제출 채점표 수';
comment on column judging_reminder.status is '상태: 보냄, 실패, 메일 서버 없음';
comment on column judging_reminder.error is '실패 사유 (메일 서버의 답)';
comment on column judging_reminder.requested_by is '보낸 관리자';
comment on column judging_reminder.requested_at is '보낸 일시';

create table judging_preference (
    subject_id bigint not null references judging_subject (id) on delete cascade,
    user_id    bigint not null references account_user (id),
    level      int not null check (level between -2 and 2),
    primary key (subject_id, user_id)
);
comment on table judging_preference is '평가위원의 선호 (−2 피하고 싶음 … +2 맡고 싶음): 자동 배정의 비용을 낮추거나 높인다';
comment on column judging_preference.subject_id is '심사 대상';
comment on column judging_preference.user_id is '평가위원 계정';
comment on column judging_preference.level is '선호 정도 (−2…+2)';
