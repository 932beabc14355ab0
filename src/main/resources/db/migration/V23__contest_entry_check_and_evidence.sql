-- Contest entries: the category of an exclusion (사실 및 제외대상 검증) and evidence files (증빙자료).
-- See docs/decisions/0030-contest-model-templates-nominations.md.

alter table contest_entry add column exclusion_reason text
    check (exclusion_reason in ('SIMPLE_KINDNESS', 'ABSTRACT_EFFORT', 'ALREADY_AWARDED', 'NOT_FACTUAL', 'DUPLICATE', 'OTHER'));
alter table contest_entry add constraint contest_entry_exclusion_ck
    check ((status = 'EXCLUDED') = (exclusion_reason is not null));
comment on column contest_entry.exclusion_reason is '제외 사유 구분: 단순 친절, 추상적 노력, 이미 포상받은 사례, 사실과 다름, 중복, 기타';

create table contest_entry_attachment (
    entry_id     bigint not null references contest_entry (id) on delete cascade,
    position     int not null check (position between 1 and 5),
    file_name    text not null check (length(btrim(file_name)) between 1 and 200),
    content_type text not null,
    size_bytes   int not null check (size_bytes between 1 and 10485760),
    content      bytea not null,
    primary key (entry_id, position)
);
comment on table contest_entry_attachment is '사례 증빙자료 (한 사례에 5개까지, 파일당 10MB까지)';
