-- Official answers of 정책장터 can be revised (a typo, "이미 추진 중" that later becomes "수용"): every version is kept,
-- the first answer is version 1, each later one carries the reason for the change. voting_proposal keeps the current
-- verdict and text (lists read them without a join) and the time of the first answer, from which the deadline counts.

create table voting_proposal_answer_version (
    proposal_id      bigint not null references voting_proposal (id),
    version          int not null check (version >= 1),
    answer_kind      text not null check (answer_kind in ('ACCEPTED', 'PARTLY_ACCEPTED', 'NOT_ACCEPTED', 'IN_PROGRESS')),
    answer_text      text not null check (length(answer_text) between 1 and 4000),
    reason           text check (length(btrim(reason)) between 1 and 500),
    answered_by      text not null,
    answered_by_name text,
    answered_at      timestamptz not null,
    primary key (proposal_id, version),
    check ((version = 1) = (reason is null))
);
comment on table voting_proposal_answer_version is '정책장터 공식 답변의 모든 판: 1판은 첫 답변, 그 뒤는 사유를 붙인 수정 (모두 공개, 담당자는 관리 화면에만)';
comment on column voting_proposal_answer_version.proposal_id is '제안';
comment on column voting_proposal_answer_version.version is '판 번호 (1부터, 수정할 때마다 1씩)';
comment on column voting_proposal_answer_version.answer_kind is '답변 결과: ACCEPTED 수용, PARTLY_ACCEPTED 일부 수용, NOT_ACCEPTED 불수용, IN_PROGRESS 이미 추진 중';
comment on column voting_proposal_answer_version.answer_text is '답변 내용 (공개)';
comment on column voting_proposal_answer_version.reason is '수정 사유 (공개, 500자 이내; 1판은 없음)';
comment on column voting_proposal_answer_version.answered_by is '이 판을 쓴 담당자 (행위자 식별자, 관리 화면에만)';
comment on column voting_proposal_answer_version.answered_by_name is '그때의 담당자 이름 (관리 화면에만; 이 표 이전의 답변은 없음)';
comment on column voting_proposal_answer_version.answered_at is '이 판의 게시 일시';

insert into voting_proposal_answer_version (proposal_id, version, answer_kind, answer_text, reason, answered_by, answered_at)
select id, 1, answer_kind, answer_text, null, coalesce(answered_by, 'unknown'), coalesce(answered_at, now())
from voting_proposal where answer_kind is not null;

comment on column voting_proposal.answer_kind is '현재 공식 답변 결과 (최신 판): ACCEPTED 수용, PARTLY_ACCEPTED 일부 수용, NOT_ACCEPTED 불수용, IN_PROGRESS 이미 추진 중';
comment on column voting_proposal.answer_text is '현재 공식 답변 내용 (최신 판, 공개)';
comment on column voting_proposal.answered_by is '첫 답변을 한 담당자 (행위자 식별자)';
comment on column voting_proposal.answered_at is '첫 답변 일시 (답변 기한은 이것으로 판단하며 수정해도 바뀌지 않음)';
