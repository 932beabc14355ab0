-- Departments (부서) of an institution, the department of a staff account, and the core of contests and selections
-- (적극행정 우수사례 경진대회, 우수공무원 선발): setup, fields, award tiers, entries and nominations with the people
-- involved. Stages, formula, results, decisions and incentives come in their own migrations (docs/decisions/0030).

create table organization_department (
    id             bigint generated always as identity primary key,
    institution_id bigint not null references organization_institution (id),
    code           text check (code ~ '^[0-9]{7}$'),
    name_ko        text not null check (length(btrim(name_ko)) between 1 and 100),
    name_en        text not null check (length(btrim(name_en)) between 1 and 200),
    valid_from     date not null default date '2000-01-01',
    valid_to       date,
    unique (institution_id, name_ko),
    check (valid_to is null or valid_to >= valid_from)
);
comment on table organization_department is '기관의 부서 (실·과·담당관, 읍면동 등)';
comment on column organization_department.code is '행정표준코드 부서 코드 (7자리, 확인된 경우만)';
comment on column organization_department.name_ko is '부서 이름 (예: 세무과)';
comment on column organization_department.name_en is '부서 이름 (영문)';

alter table account_user add column department_id bigint references organization_department (id);
comment on column account_user.department_id is '소속 부서 (심사 이해충돌·부서 제출에 쓰임)';

create table contest (
    id                   bigint generated always as identity primary key,
    owner_institution_id bigint not null references organization_institution (id),
    kind                 text not null check (kind in ('BEST_PRACTICE', 'OUTSTANDING_OFFICIAL', 'CUSTOM')),
    template             text,
    title_ko             text not null check (length(btrim(title_ko)) between 1 and 200),
    title_en             text not null check (length(btrim(title_en)) between 1 and 300),
    year                 int not null check (year between 2000 and 2100),
    half                 smallint check (half in (1, 2)),
    period_ko            text not null,
    period_en            text not null,
    eligible             text not null check (eligible in ('ALL_STAFF', 'DEPARTMENTS')),
    channels             text[] not null check (channels <@ array['DEPARTMENT', 'STAFF', 'CITIZEN']::text[]
                             and cardinality(channels) > 0),
    entries_open_at      timestamptz,
    entries_close_at     timestamptz,
    phase                text not null default 'DRAFT'
                             check (phase in ('DRAFT', 'OPEN', 'JUDGING', 'DECIDED', 'PUBLISHED')),
    description_ko       text not null default '',
    description_en       text not null default '',
    created_by           text not null,
    created_at           timestamptz not null default now(),
    check (entries_close_at is null or entries_open_at is null or entries_close_at > entries_open_at)
);
create index contest_owner_ix on contest (owner_institution_id);
comment on table contest is '경진대회·선발: 우수사례 경진대회, 적극행정 우수공무원 선발, 기타 포상';
comment on column contest.kind is '종류: 우수사례 경진대회(BEST_PRACTICE), 우수공무원 선발(OUTSTANDING_OFFICIAL), 기타(CUSTOM)';
comment on column contest.template is '만든 틀 (예: BORYEONG_2024_H1), 직접 만들면 비어 있음';
comment on column contest.half is '반기 (1 상반기, 2 하반기), 반기 단위가 아니면 비어 있음';
comment on column contest.eligible is '참가 대상: 전 직원(공무직 포함) 또는 부서';
comment on column contest.channels is '접수 경로: 부서추천(DEPARTMENT), 직원신청(STAFF), 국민추천(CITIZEN)';
comment on column contest.phase is '단계: 준비, 접수, 심사, 결정, 공개';

create table contest_field (
    contest_id bigint not null references contest (id) on delete cascade,
    code       text not null check (code ~ '^[A-Z0-9_]{1,40}$'),
    position   int not null,
    name_ko    text not null,
    name_en    text not null,
    primary key (contest_id, code),
    unique (contest_id, position)
);
comment on table contest_field is '분야 (예: 규제혁신, 민원·갈등 해결)';

create table contest_tier (
    contest_id  bigint not null references contest (id) on delete cascade,
    rank        smallint not null check (rank between 1 and 20),
    code        text not null check (code ~ '^[A-Z0-9_]{1,40}$'),
    name_ko     text not null,
    name_en     text not null,
    award_count int not null check (award_count between 1 and 1000),
    primary key (contest_id, rank),
    unique (contest_id, code)
);
comment on table contest_tier is '시상 등급과 인원 (예: 최우수 1, 우수 2, 장려 2)';

create table contest_entry (
    id                   bigint generated always as identity primary key,
    contest_id           bigint not null references contest (id),
    channel              text not null check (channel in ('DEPARTMENT', 'STAFF', 'CITIZEN')),
    field_code           text,
    title                text not null check (length(btrim(title)) between 1 and 200),
    summary              text not null check (length(summary) <= 20000),
    department_id        bigint references organization_department (id),
    submitted_by_user_id bigint references account_user (id),
    nominator_voter_key  text check (nominator_voter_key ~ '^[0-9a-f]{64}$'),
    nomination_reason    text check (length(nomination_reason) <= 4000),
    status               text not null default 'SUBMITTED'
                             check (status in ('SUBMITTED', 'ACCEPTED', 'EXCLUDED', 'WITHDRAWN')),
    check_reason         text,
    checked_by           text,
    checked_at           timestamptz,
    duplicate_of         bigint references contest_entry (id),
    submitted_at         timestamptz not null default now(),
    foreign key (contest_id, field_code) references contest_field (contest_id, code),
    check ((channel = 'CITIZEN') = (nominator_voter_key is not null)),
    check (channel = 'CITIZEN' or submitted_by_user_id is not null),
    check (status <> 'EXCLUDED' or check_reason is not null)
);
create index contest_entry_contest_ix on contest_entry (contest_id);
comment on table contest_entry is '접수된 사례·추천: 부서 제출, 직원 신청, 국민추천 (국민은 가명 키만 저장)';
comment on column contest_entry.summary is '사례 설명 (추진 배경·내용·성과)';
comment on column contest_entry.department_id is '사례(또는 추천 대상자)의 부서: 심사위원 이해충돌 판단에 쓰임';
comment on column contest_entry.nominator_voter_key is '국민추천인의 가명 키 (본인확인 DI의 HMAC). 이름·연락처는 저장하지 않음';
comment on column contest_entry.status is '사실 및 제외대상 검증: 접수, 인정, 제외(사유 필수), 철회';
comment on column contest_entry.duplicate_of is '중복으로 표시된 경우 먼저 접수된 사례';

create table contest_entry_person (
    entry_id      bigint not null references contest_entry (id) on delete cascade,
    position      int not null,
    user_id       bigint references account_user (id),
    name          text not null check (length(btrim(name)) between 1 and 100),
    department_id bigint references organization_department (id),
    job_title     text not null default '',
    share_percent numeric(5, 2) not null check (share_percent > 0 and share_percent <= 100),
    primary key (entry_id, position)
);
comment on table contest_entry_person is '사례에 참여한 사람과 기여도(%): 포상·인센티브 대상';
comment on column contest_entry_person.user_id is '직원 계정 (있으면)';
comment on column contest_entry_person.share_percent is '기여도(%): 한 사례의 합은 100';
