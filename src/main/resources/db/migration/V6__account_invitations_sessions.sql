-- Invitations by e-mail, "log out everywhere", and who invited whom.

alter table account_user add column session_epoch int not null default 0;
alter table account_user add column password_changed_at timestamptz;
comment on column account_user.session_epoch is '세션 세대: 올리면 그 전에 시작된 모든 세션이 끝남 (모든 기기에서 로그아웃, 사용 중지)';
comment on column account_user.password_changed_at is '비밀번호를 마지막으로 정한 일시';

create table account_invitation (
    id           bigint generated always as identity primary key,
    user_id      bigint not null references account_user (id) on delete cascade,
    token_sha256 text not null unique check (token_sha256 ~ '^[0-9a-f]{64}$'),
    invited_by   text not null,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    used_at      timestamptz,
    revoked_at   timestamptz
);
create index account_invitation_user_idx on account_invitation (user_id);
comment on table account_invitation is '초대: 전자우편으로 보낸 일회용 링크로 본인이 비밀번호를 정함. 링크의 값은 저장하지 않고 해시만 저장';
comment on column account_invitation.id is '초대 식별자';
comment on column account_invitation.user_id is '초대받은 계정';
comment on column account_invitation.token_sha256 is '링크 값의 SHA-256 (링크 자체는 전자우편에만 있음)';
comment on column account_invitation.invited_by is '초대한 사람 (행위자 식별자)';
comment on column account_invitation.created_at is '초대 일시';
comment on column account_invitation.expires_at is '링크 만료 일시';
comment on column account_invitation.used_at is '비밀번호를 정한 일시 (한 번만 쓸 수 있음)';
comment on column account_invitation.revoked_at is '다시 초대하거나 사용 중지해 무효가 된 일시';
