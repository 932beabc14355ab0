-- Voting: ballots (single choice, up to N of M, ranked, surveys), who took part (participation) and what was chosen
-- (ballot box), stored so that nothing joins them (docs/voting-secrecy.md), rejected attempts, tallies.

create table voting_ballot (
    id                    bigint generated always as identity primary key,
    owner_institution_id  bigint not null references organization_institution (id),
    kind                  text not null check (kind in ('SINGLE', 'MULTIPLE', 'RANKED', 'SURVEY')),
    counting_rule         text check (counting_rule in ('BORDA', 'INSTANT_RUNOFF')),
    max_choices           int not null default 1 check (max_choices between 1 and 100),
    title_ko              text not null check (length(btrim(title_ko)) between 1 and 200),
    title_en              text not null check (length(btrim(title_en)) between 1 and 200),
    description_ko        text not null default '' check (length(description_ko) <= 4000),
    description_en        text not null default '' check (length(description_en) <= 4000),
    opens_at              timestamptz not null,
    closes_at             timestamptz not null,
    eligibility           text not null check (eligibility in ('VERIFIED', 'REGION', 'STAFF')),
    region_prefix         text check (region_prefix ~ '^[0-9]{2,10}$'),
    staff_institution_id  bigint references organization_institution (id),
    visibility            text not null default 'HIDDEN_UNTIL_PUBLISHED' check (visibility in ('HIDDEN_UNTIL_PUBLISHED', 'LIVE')),
    phase                 text not null default 'DRAFT' check (phase in ('DRAFT', 'OPENED', 'PUBLISHED')),
    published_at          timestamptz,
    created_by            text not null,
    created_at            timestamptz not null default now(),
    check (closes_at > opens_at),
    check (kind <> 'RANKED' or counting_rule is not null),
    check (eligibility <> 'REGION' or region_prefix is not null),
    check (eligibility <> 'STAFF' or staff_institution_id is not null)
);
comment on table voting_ballot is '투표·설문: 종류, 기간, 투표 자격, 결과 공개 방식, 단계';
comment on column voting_ballot.owner_institution_id is '주관 기관';
comment on column voting_ballot.kind is 'SINGLE 하나 선택, MULTIPLE 최대 N개 선택, RANKED 순위, SURVEY 설문';
comment on column voting_ballot.counting_rule is '순위 투표의 집계 규칙: BORDA 보르다, INSTANT_RUNOFF 즉석 결선';
comment on column voting_ballot.max_choices is 'MULTIPLE에서 고를 수 있는 최대 개수';
comment on column voting_ballot.opens_at is '투표 시작 일시 (초 단위)';
comment on column voting_ballot.closes_at is '투표 마감 일시 (초 단위, 이 초까지 받은 표는 유효)';
comment on column voting_ballot.eligibility is 'VERIFIED 본인확인한 누구나, REGION 거주 지역, STAFF 한 기관의 직원';
comment on column voting_ballot.region_prefix is '거주 지역 행정구역 코드 앞자리 (예: 44180 보령시)';
comment on column voting_ballot.staff_institution_id is 'STAFF 투표의 기관';
comment on column voting_ballot.visibility is 'HIDDEN_UNTIL_PUBLISHED 공표 전 비공개, LIVE 실시간 공개';
comment on column voting_ballot.phase is 'DRAFT 작성 중, OPENED 열림(예정·진행·마감은 시각으로), PUBLISHED 결과 공표';

create table voting_option (
    id         bigint generated always as identity primary key,
    ballot_id  bigint not null references voting_ballot (id) on delete cascade,
    position   int not null,
    label_ko   text not null check (length(btrim(label_ko)) between 1 and 300),
    label_en   text not null check (length(btrim(label_en)) between 1 and 300),
    unique (ballot_id, position)
);
comment on table voting_option is '투표 선택지';

create table voting_question (
    id          bigint generated always as identity primary key,
    ballot_id   bigint not null references voting_ballot (id) on delete cascade,
    position    int not null,
    kind        text not null check (kind in ('SINGLE', 'MULTIPLE', 'SCALE', 'TEXT')),
    label_ko    text not null check (length(btrim(label_ko)) between 1 and 500),
    label_en    text not null check (length(btrim(label_en)) between 1 and 500),
    required    boolean not null default true,
    max_choices int not null default 1 check (max_choices between 1 and 100),
    max_length  int not null default 0 check (max_length between 0 and 2000),
    unique (ballot_id, position)
);
comment on table voting_question is '설문 문항: SINGLE, MULTIPLE(최대 N개), SCALE(1–5), TEXT(최대 글자 수)';

create table voting_question_option (
    id           bigint generated always as identity primary key,
    question_id  bigint not null references voting_question (id) on delete cascade,
    position     int not null,
    label_ko     text not null check (length(btrim(label_ko)) between 1 and 300),
    label_en     text not null check (length(btrim(label_en)) between 1 and 300),
    unique (question_id, position)
);
comment on table voting_question_option is '설문 문항의 선택지';

-- Who took part. The primary key makes a second vote by the same key on the same ballot impossible, whatever the
-- channel (web or staff-entered paper vote).
create table voting_participation (
    ballot_id     bigint not null references voting_ballot (id),
    voter_key     text not null check (voter_key ~ '^[0-9a-f]{64}$'),
    ref           text not null unique,
    channel       text not null check (channel in ('WEB', 'STAFF')),
    staff_user_id bigint,
    cast_at       timestamptz not null,
    device_hash   text,
    network_hash  text,
    region_code   text,
    country       text,
    voided_at     timestamptz,
    void_reason   text,
    voided_by     text,
    primary key (ballot_id, voter_key),
    check (channel <> 'STAFF' or staff_user_id is not null),
    check ((voided_at is null) = (void_reason is null))
);
comment on table voting_participation is '참여 기록: 누가(가명 투표자 키) 언제 어느 경로로 참여했는가. 무엇을 골랐는지는 없음';
comment on column voting_participation.voter_key is '가명 투표자 키 (본인확인 DI의 HMAC)';
comment on column voting_participation.ref is '무효 처리에 쓰는 참여 기록 번호 (투표함에는 없음)';
comment on column voting_participation.device_hash is '기기(브라우저 식별 문자열)의 키 있는 해시';
comment on column voting_participation.network_hash is '네트워크(/24, /48)의 키 있는 해시';
comment on column voting_participation.region_code is '본인확인에서 받은 거주 행정구역 코드 (있을 때만)';
comment on column voting_participation.country is '접속 국가 코드 (설정한 프록시 헤더가 있을 때만)';

-- What was chosen. No time, no sequence, nothing in common with the participation row; rows of one batch are
-- inserted in shuffled order. The link tag (HMAC with a per-ballot key derived from a deployment secret) only lets
-- the app void the ballot of a participation it already knows.
create table voting_ballot_box (
    id            uuid primary key,
    ballot_id     bigint not null references voting_ballot (id),
    choice        jsonb not null,
    receipt_hash  text not null unique,
    link_tag      text not null,
    voided        boolean not null default false,
    unique (ballot_id, link_tag)
);
comment on table voting_ballot_box is '투표함: 무엇을 골랐는가. 시각·순번·참여 기록과 공유하는 값 없음';
comment on column voting_ballot_box.receipt_hash is '접수증 번호의 SHA-256';
comment on column voting_ballot_box.link_tag is '무효 처리용 표식: HMAC(투표별 키, 투표||투표자 키)';

create table voting_rejected_attempt (
    id            bigint generated always as identity primary key,
    ballot_id     bigint not null references voting_ballot (id),
    voter_key     text not null,
    channel       text not null check (channel in ('WEB', 'STAFF')),
    reason        text not null,
    attempted_at  timestamptz not null,
    device_hash   text,
    network_hash  text,
    country       text
);
create index voting_rejected_attempt_ballot on voting_rejected_attempt (ballot_id);
comment on table voting_rejected_attempt is '거부된 투표 시도 (중복 등): 부정 투표 보고서용';

create table voting_tally (
    ballot_id    bigint primary key references voting_ballot (id),
    computed_at  timestamptz not null,
    counted      int not null,
    voided       int not null,
    result       jsonb not null
);
comment on table voting_tally is '집계 결과 (비동기로 계산; 표마다 다시 세지 않음)';
