-- 정책장터 (policy proposals): an institution's board, proposals by verified citizens, supports (one per voter key
-- per proposal, by the primary key), the threshold that obliges an official answer, moderation and answers.
-- Who supported is stored only as the pseudonymous voter key and never shown; the author appears as a nickname.

create table voting_proposal_board (
    id               bigint generated always as identity primary key,
    institution_id   bigint not null references organization_institution (id),
    title            text not null check (length(btrim(title)) between 1 and 100),
    description      text not null default '' check (length(description) <= 2000),
    support_threshold int not null check (support_threshold between 1 and 1000000),
    answer_days      int not null check (answer_days between 1 and 365),
    eligibility      text not null check (eligibility in ('VERIFIED', 'REGION')),
    region_prefix    text check (region_prefix ~ '^[0-9]{2,10}$'),
    open             boolean not null default true,
    created_by       text not null,
    created_at       timestamptz not null default now(),
    check ((eligibility = 'REGION') = (region_prefix is not null))
);
comment on table voting_proposal_board is '정책장터: 기관이 운영하는 시민 정책 제안 게시판';
comment on column voting_proposal_board.id is '정책장터 식별자';
comment on column voting_proposal_board.institution_id is '운영 기관 (그 기관의 담당자가 관리·답변)';
comment on column voting_proposal_board.title is '이름 (예: 우리들의 군산)';
comment on column voting_proposal_board.description is '안내문';
comment on column voting_proposal_board.support_threshold is '답변 기준 공감 수 (이 수에 이르면 공식 답변 대기)';
comment on column voting_proposal_board.answer_days is '기준 도달 후 답변 기한 (일)';
comment on column voting_proposal_board.eligibility is '참여 자격: VERIFIED 본인확인한 누구나, REGION 거주지 행정구역 코드 접두어';
comment on column voting_proposal_board.region_prefix is 'REGION일 때 거주지 행정구역 코드 접두어 (예: 52130 군산시)';
comment on column voting_proposal_board.open is '열림 (닫히면 제안·공감·공감 취소 불가, 답변은 가능)';
comment on column voting_proposal_board.created_by is '만든 사람 (행위자 식별자)';
comment on column voting_proposal_board.created_at is '만든 일시';

create table voting_proposal (
    id               bigint generated always as identity primary key,
    board_id         bigint not null references voting_proposal_board (id),
    author_key       text not null check (author_key ~ '^[0-9a-f]{64}$'),
    nickname         text not null check (length(nickname) between 1 and 20),
    title            text not null check (length(btrim(title)) between 1 and 100),
    body             text not null check (length(btrim(body)) between 1 and 4000),
    category         text not null check (category ~ '^[A-Z_]{1,30}$'),
    status           text not null default 'OPEN' check (status in ('OPEN', 'AWAITING_ANSWER', 'ANSWERED')),
    support_count    int not null default 0 check (support_count >= 0),
    submitted_at     timestamptz not null,
    threshold_reached_at timestamptz,
    answer_due       timestamptz,
    hidden           boolean not null default false,
    hidden_reason    text check (length(hidden_reason) <= 500),
    hidden_by        text,
    hidden_at        timestamptz,
    answer_kind      text check (answer_kind in ('ACCEPTED', 'PARTLY_ACCEPTED', 'NOT_ACCEPTED', 'IN_PROGRESS')),
    answer_text      text check (length(answer_text) <= 4000),
    answered_by      text,
    answered_at      timestamptz,
    check ((status = 'ANSWERED') = (answer_kind is not null)),
    check (hidden = (hidden_reason is not null))
);
create index voting_proposal_board_idx on voting_proposal (board_id, hidden, status);
comment on table voting_proposal is '시민 정책 제안';
comment on column voting_proposal.id is '제안 식별자';
comment on column voting_proposal.board_id is '정책장터';
comment on column voting_proposal.author_key is '제안자의 유권자 키 (가명, HMAC). 본인 확인용으로만 쓰고 어디에도 보이지 않음';
comment on column voting_proposal.nickname is '화면에 보이는 제안자 별칭 (예: 시민 7F3A). 이름은 저장하지 않음';
comment on column voting_proposal.title is '제목 (100자 이내)';
comment on column voting_proposal.body is '내용 (4000자 이내)';
comment on column voting_proposal.category is '분야 (TRANSPORT, ENVIRONMENT …)';
comment on column voting_proposal.status is '상태: OPEN 공감 모으는 중, AWAITING_ANSWER 답변 대기, ANSWERED 답변 완료';
comment on column voting_proposal.support_count is '공감 수 (공감 행 수와 같음, 같은 트랜잭션에서 갱신)';
comment on column voting_proposal.submitted_at is '제안 일시';
comment on column voting_proposal.threshold_reached_at is '답변 기준 공감 수에 이른 일시';
comment on column voting_proposal.answer_due is '답변 기한';
comment on column voting_proposal.hidden is '운영자가 숨김 (공개 목록·API에서 빠지고 제안자에게는 숨김으로 보임)';
comment on column voting_proposal.hidden_reason is '숨긴 이유 (제안자에게 보임)';
comment on column voting_proposal.hidden_by is '숨긴 담당자 (행위자 식별자)';
comment on column voting_proposal.hidden_at is '숨긴 일시';
comment on column voting_proposal.answer_kind is '공식 답변: ACCEPTED 수용, PARTLY_ACCEPTED 일부 수용, NOT_ACCEPTED 불수용, IN_PROGRESS 이미 추진 중';
comment on column voting_proposal.answer_text is '공식 답변 내용 (공개)';
comment on column voting_proposal.answered_by is '답변한 담당자 (행위자 식별자)';
comment on column voting_proposal.answered_at is '답변 일시';

-- No timestamp, no device or network: a support is only "this key backs this proposal", so nothing here can be
-- turned into a list of who supported what and when.
create table voting_proposal_support (
    proposal_id      bigint not null references voting_proposal (id),
    voter_key        text not null check (voter_key ~ '^[0-9a-f]{64}$'),
    primary key (proposal_id, voter_key)
);
comment on table voting_proposal_support is '공감: 유권자 키 하나당 제안 하나에 한 번 (기본 키가 보장). 누가 공감했는지는 어디에도 보이지 않음';
comment on column voting_proposal_support.proposal_id is '제안';
comment on column voting_proposal_support.voter_key is '공감한 사람의 유권자 키 (가명)';
