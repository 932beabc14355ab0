-- Contest entries edited by their submitter while the entry window is open and before the check: each edit keeps the
-- previous version as a JSON snapshot with what changed, who and when. See docs/decisions/0034-contest-entry-edit.md.

create table contest_entry_revision (
    entry_id          bigint not null references contest_entry (id) on delete cascade,
    revision          int not null check (revision >= 1),
    edited_by_user_id bigint not null references account_user (id),
    edited_at         timestamptz not null,
    changed           text not null,
    previous          jsonb not null,
    primary key (entry_id, revision)
);
comment on table contest_entry_revision is '접수 사례 수정 이력: 수정 전 내용(JSON), 바뀐 항목, 수정한 사람과 시각';
comment on column contest_entry_revision.changed is '바뀐 항목 (쉼표로 구분: FIELD, TITLE, SUMMARY, PEOPLE, FILES)';
comment on column contest_entry_revision.previous is '수정 전 분야·제목·설명·참여자·증빙 파일 이름';
