-- Institution evaluations: programs, cycles with a snapshot of their targets, frameworks, values and result runs.

create table evaluation_program (
    id          bigint generated always as identity primary key,
    code        text not null unique check (code ~ '^[A-Za-z0-9_-]{1,60}$'),
    name        text not null check (length(btrim(name)) between 1 and 200),
    name_en     text,
    owner_institution_id bigint references organization_institution (id),
    cadence     text not null check (cadence in ('YEARLY', 'HALF_YEARLY')),
    created_at  timestamptz not null default now()
);
comment on table evaluation_program is '평가 사업 (예: 지방자치단체 적극행정 종합평가)';
comment on column evaluation_program.id is '평가 사업 식별자';
comment on column evaluation_program.code is '평가 사업 코드';
comment on column evaluation_program.name is '평가 사업 이름';
comment on column evaluation_program.name_en is '영문 이름';
comment on column evaluation_program.owner_institution_id is '평가 주관 기관';
comment on column evaluation_program.cadence is '주기: 연 1회 또는 반기';
comment on column evaluation_program.created_at is '생성 일시';

create table evaluation_cycle (
    id               bigint generated always as identity primary key,
    program_id       bigint not null references evaluation_program (id),
    label            text not null check (length(btrim(label)) between 1 and 100),
    evaluation_year  int not null check (evaluation_year between 2000 and 2100),
    performance_year int not null check (performance_year between 2000 and 2100),
    half             int check (half in (1, 2)),
    period_from      date not null,
    period_to        date not null check (period_to >= period_from),
    grade_rule       jsonb not null,
    framework_version int not null default 1,
    framework_published_at timestamptz,
    created_at       timestamptz not null default now(),
    unique (program_id, label)
);
comment on table evaluation_cycle is '평가 회차: 평가연도와 실적연도를 함께 둔다 (예: 2024년(2023년 실적))';
comment on column evaluation_cycle.id is '회차 식별자';
comment on column evaluation_cycle.program_id is '평가 사업';
comment on column evaluation_cycle.label is '회차 이름 (보도에서 쓰는 표기)';
comment on column evaluation_cycle.evaluation_year is '평가연도';
comment on column evaluation_cycle.performance_year is '실적연도';
comment on column evaluation_cycle.half is '반기 (1 상반기, 2 하반기; 연 1회는 비움)';
comment on column evaluation_cycle.period_from is '실적 기간 시작';
comment on column evaluation_cycle.period_to is '실적 기간 끝';
comment on column evaluation_cycle.grade_rule is '등급 규칙 (평가군 내 백분위 구간, 고정 정원, 점수 기준, 반올림 방식, 동점 처리)';
comment on column evaluation_cycle.framework_version is '지표 체계 판 번호';
comment on column evaluation_cycle.framework_published_at is '지표 체계 확정 일시 (이후 변경 불가)';
comment on column evaluation_cycle.created_at is '생성 일시';

create table evaluation_target (
    cycle_id       bigint not null references evaluation_cycle (id) on delete cascade,
    institution_id bigint not null references organization_institution (id),
    group_name     text not null,
    institution_name text not null,
    primary key (cycle_id, institution_id)
);
comment on table evaluation_target is '평가 대상 기관의 회차 생성 시점 스냅숏 (기관이 바뀌어도 회차는 그대로)';
comment on column evaluation_target.cycle_id is '회차';
comment on column evaluation_target.institution_id is '기관';
comment on column evaluation_target.group_name is '평가군 (예: 광역, 시, 군, 구)';
comment on column evaluation_target.institution_name is '스냅숏 당시 기관 이름 (광역 포함)';

create table evaluation_indicator (
    id           bigint generated always as identity primary key,
    cycle_id     bigint not null references evaluation_cycle (id) on delete cascade,
    code         text not null check (code ~ '^[A-Za-z0-9_.-]{1,40}$'),
    position     int not null,
    area         text not null,
    item         text not null,
    name         text not null,
    kind         text not null check (kind in ('QUANTITATIVE', 'QUALITATIVE', 'BONUS', 'PENALTY', 'CITIZEN')),
    points       numeric(8, 3) not null check (points >= 0),
    polarity     text not null check (polarity in ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER')),
    normalization text not null,
    low          numeric(18, 6),
    high         numeric(18, 6),
    unique (cycle_id, code)
);
comment on table evaluation_indicator is '지표: 분야 → 항목 → 지표, 배점·종류·정규화 방법';
comment on column evaluation_indicator.id is '지표 식별자';
comment on column evaluation_indicator.cycle_id is '회차';
comment on column evaluation_indicator.code is '지표 코드';
comment on column evaluation_indicator.position is '표시 순서';
comment on column evaluation_indicator.area is '분야';
comment on column evaluation_indicator.item is '항목';
comment on column evaluation_indicator.name is '지표 이름';
comment on column evaluation_indicator.kind is '종류: 정량, 정성, 가점, 감점, 국민체감도';
comment on column evaluation_indicator.points is '배점';
comment on column evaluation_indicator.polarity is '극성: 높을수록 좋음 / 낮을수록 좋음';
comment on column evaluation_indicator.normalization is '정규화 방법 (MIN_MAX, Z_SCORE, GOALPOSTS, TARGET, PERCENTILE_RANK, FRACTION_OF, SHARE_OF_TOTAL)';
comment on column evaluation_indicator.low is '정규화 매개변수 1 (하한 또는 목표)';
comment on column evaluation_indicator.high is '정규화 매개변수 2 (상한 또는 달성 상한)';

create table evaluation_value (
    cycle_id       bigint not null references evaluation_cycle (id) on delete cascade,
    institution_id bigint not null references organization_institution (id),
    indicator_id   bigint not null references evaluation_indicator (id) on delete cascade,
    value          numeric(18, 6) not null,
    entered_by     text not null,
    entered_at     timestamptz not null default now(),
    primary key (cycle_id, institution_id, indicator_id)
);
comment on table evaluation_value is '지표 실적 값 (기관 × 지표)';
comment on column evaluation_value.cycle_id is '회차';
comment on column evaluation_value.institution_id is '기관';
comment on column evaluation_value.indicator_id is '지표';
comment on column evaluation_value.value is '실적 값';
comment on column evaluation_value.entered_by is '입력한 사람 (행위자 식별자)';
comment on column evaluation_value.entered_at is '입력 일시';

create table evaluation_run (
    id          bigint generated always as identity primary key,
    cycle_id    bigint not null references evaluation_cycle (id) on delete cascade,
    run_no      int not null,
    note        text,
    result      jsonb not null,
    chosen      boolean not null default false,
    created_by  text not null,
    created_at  timestamptz not null default now(),
    unique (cycle_id, run_no)
);
create unique index evaluation_run_chosen_uq on evaluation_run (cycle_id) where chosen;
comment on table evaluation_run is '결과 산출 회차: 산출할 때마다 보관하고, 발표할 것을 하나 고른다';
comment on column evaluation_run.id is '산출 식별자';
comment on column evaluation_run.cycle_id is '회차';
comment on column evaluation_run.run_no is '산출 번호';
comment on column evaluation_run.note is '산출 메모 (예: 다른 정규화로 재산출)';
comment on column evaluation_run.result is '결과 (기관별 총점·순위·등급·설명, 순위 구간, 규칙)';
comment on column evaluation_run.chosen is '발표용으로 고른 산출';
comment on column evaluation_run.created_by is '산출한 사람';
comment on column evaluation_run.created_at is '산출 일시';
