-- The framework editor: what an indicator needs beyond its scoring (how its value comes about, evidence, which panel
-- scores it, whether its item is graded on its own), entered inputs of computed indicators, and published versions.

alter table evaluation_indicator drop constraint evaluation_indicator_kind_check;
alter table evaluation_indicator add constraint evaluation_indicator_kind_check
    check (kind in ('QUANTITATIVE', 'QUALITATIVE', 'BONUS', 'PENALTY', 'CITIZEN', 'INPUT'));
alter table evaluation_indicator
    add column formula           text check (formula in ('RATIO', 'ACHIEVEMENT', 'COUNT')),
    add column input_a           text check (input_a ~ '^[A-Za-z0-9_.-]{1,40}$'),
    add column input_b           text check (input_b ~ '^[A-Za-z0-9_.-]{1,40}$'),
    add column target            numeric(18, 6) check (target > 0),
    add column cap               numeric(18, 6) check (cap > 0),
    add column multiplier        numeric(18, 6) check (multiplier > 0),
    add column panel_kind        text check (panel_kind in ('EXPERT', 'CITIZEN', 'CROSS')),
    add column item_graded       boolean not null default false,
    add column evidence          text check (length(evidence) <= 1000),
    add column evidence_required boolean not null default false,
    add column rubric            text check (length(rubric) <= 2000),
    add constraint evaluation_indicator_formula_inputs check (
        formula is null
        or (formula = 'RATIO' and input_a is not null and input_b is not null)
        or (formula = 'ACHIEVEMENT' and input_a is not null and (input_b is not null or target is not null))
        or (formula = 'COUNT' and input_a is not null));
comment on column evaluation_indicator.kind is '종류: 정량, 정성, 가점, 감점, 국민체감도(설문), 산식 입력값(배점 없음)';
comment on column evaluation_indicator.formula is '산출 지표의 산식: 비율(RATIO), 목표 달성도(ACHIEVEMENT, 상한), 건수(COUNT, 상한); 비우면 직접 입력';
comment on column evaluation_indicator.input_a is '산식 입력 1 (분자, 실적, 건수): 같은 회차의 입력값 지표 코드';
comment on column evaluation_indicator.input_b is '산식 입력 2 (분모, 기관별 목표): 입력값 지표 코드';
comment on column evaluation_indicator.target is '목표 달성도의 고정 목표 (기관별 목표 입력이 없을 때)';
comment on column evaluation_indicator.cap is '상한 (달성도 또는 건수)';
comment on column evaluation_indicator.multiplier is '비율에 곱하는 수 (예: 100이면 백분율)';
comment on column evaluation_indicator.panel_kind is '채점하는 평가단: 민간전문가(EXPERT), 국민평가단(CITIZEN), 교차평가(CROSS)';
comment on column evaluation_indicator.item_graded is '이 지표가 속한 항목을 따로 등급 매김 (예: 민원서비스 종합평가 항목별 가~마)';
comment on column evaluation_indicator.evidence is '증빙 자료 요건 (설명)';
comment on column evaluation_indicator.evidence_required is '증빙 자료 필수 여부';
comment on column evaluation_indicator.rubric is '정성 지표의 평가 기준 (채점표 설명)';

create table evaluation_framework_version (
    cycle_id   bigint not null references evaluation_cycle (id) on delete cascade,
    version    int not null check (version >= 1),
    action     text not null check (action in ('PUBLISHED', 'REOPENED')),
    reason     text check (length(reason) <= 1000),
    snapshot   jsonb not null,
    acted_by   text not null,
    acted_at   timestamptz not null default now(),
    primary key (cycle_id, version, action),
    check (action = 'PUBLISHED' or length(btrim(reason)) > 0)
);
comment on table evaluation_framework_version is '지표 체계의 판: 확정할 때 지표와 등급 규칙의 스냅숏을 남기고, 다시 열 때 사유를 남긴다';
comment on column evaluation_framework_version.cycle_id is '회차';
comment on column evaluation_framework_version.version is '판 번호';
comment on column evaluation_framework_version.action is '확정(PUBLISHED) 또는 다시 열기(REOPENED)';
comment on column evaluation_framework_version.reason is '다시 연 사유';
comment on column evaluation_framework_version.snapshot is '확정 당시 지표 목록과 등급 규칙 (JSON)';
comment on column evaluation_framework_version.acted_by is '처리한 사람 (행위자 식별자)';
comment on column evaluation_framework_version.acted_at is '처리 일시';
