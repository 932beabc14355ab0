-- Institutions' submissions for a cycle: the coordinator's confirmation, case summaries (성과요약서) and evidence files,
-- with the verification mark each evidence item gets in 집합검증.

create table evaluation_submission (
    cycle_id       bigint not null references evaluation_cycle (id) on delete cascade,
    institution_id bigint not null references organization_institution (id),
    status         text not null default 'DRAFT' check (status in ('DRAFT', 'CONFIRMED')),
    confirmed_by   text,
    confirmed_at   timestamptz,
    updated_at     timestamptz not null default now(),
    primary key (cycle_id, institution_id),
    check ((status = 'CONFIRMED') = (confirmed_at is not null))
);
comment on table evaluation_submission is '기관의 회차별 실적 제출: 기관 총괄이 전체를 확인(제출 확정)한다';
comment on column evaluation_submission.cycle_id is '회차';
comment on column evaluation_submission.institution_id is '제출 기관';
comment on column evaluation_submission.status is '상태: 작성 중 또는 확정';
comment on column evaluation_submission.confirmed_by is '확정한 기관 총괄 (행위자 식별자)';
comment on column evaluation_submission.confirmed_at is '확정 일시';
comment on column evaluation_submission.updated_at is '마지막 변경 일시';

create table evaluation_case_summary (
    cycle_id       bigint not null references evaluation_cycle (id) on delete cascade,
    institution_id bigint not null references organization_institution (id),
    indicator_id   bigint not null references evaluation_indicator (id) on delete cascade,
    title          text not null check (length(btrim(title)) between 1 and 200),
    body           text not null check (length(body) between 1 and 4000),
    written_by     text not null,
    written_at     timestamptz not null default now(),
    primary key (cycle_id, institution_id, indicator_id)
);
comment on table evaluation_case_summary is '정성 지표의 성과요약서 (기관 × 지표, 4 000자 이내)';
comment on column evaluation_case_summary.cycle_id is '회차';
comment on column evaluation_case_summary.institution_id is '기관';
comment on column evaluation_case_summary.indicator_id is '지표';
comment on column evaluation_case_summary.title is '제목';
comment on column evaluation_case_summary.body is '본문';
comment on column evaluation_case_summary.written_by is '작성자 (행위자 식별자)';
comment on column evaluation_case_summary.written_at is '작성 일시';

create table evaluation_evidence (
    id             bigint generated always as identity primary key,
    cycle_id       bigint not null references evaluation_cycle (id) on delete cascade,
    institution_id bigint not null references organization_institution (id),
    indicator_id   bigint not null references evaluation_indicator (id) on delete cascade,
    file_name      text not null check (length(btrim(file_name)) between 1 and 255),
    content_type   text not null check (content_type in ('PDF', 'HWP', 'HWPX', 'XLSX', 'PNG', 'JPEG', 'GIF')),
    size_bytes     bigint not null check (size_bytes > 0),
    sha256         text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    content        bytea not null,
    uploaded_by    text not null,
    uploaded_at    timestamptz not null default now(),
    verification   text not null default 'PENDING' check (verification in ('PENDING', 'VERIFIED', 'CORRECTED', 'REJECTED')),
    verification_note text,
    verified_by    text,
    verified_at    timestamptz
);
create index evaluation_evidence_owner_ix on evaluation_evidence (cycle_id, institution_id, indicator_id);
comment on table evaluation_evidence is '증빙 자료 (형식은 파일 이름이 아니라 내용으로 판별), 집합검증 결과 포함';
comment on column evaluation_evidence.id is '증빙 식별자';
comment on column evaluation_evidence.cycle_id is '회차';
comment on column evaluation_evidence.institution_id is '기관';
comment on column evaluation_evidence.indicator_id is '지표';
comment on column evaluation_evidence.file_name is '올린 파일 이름';
comment on column evaluation_evidence.content_type is '내용으로 판별한 형식 (PDF, HWP, HWPX, XLSX, PNG, JPEG, GIF)';
comment on column evaluation_evidence.size_bytes is '크기 (바이트)';
comment on column evaluation_evidence.sha256 is '내용의 SHA-256';
comment on column evaluation_evidence.content is '파일 내용';
comment on column evaluation_evidence.uploaded_by is '올린 사람 (행위자 식별자)';
comment on column evaluation_evidence.uploaded_at is '올린 일시';
comment on column evaluation_evidence.verification is '집합검증: 검증 전, 확인, 정정, 불인정';
comment on column evaluation_evidence.verification_note is '검증 의견';
comment on column evaluation_evidence.verified_by is '검증한 사람';
comment on column evaluation_evidence.verified_at is '검증 일시';
