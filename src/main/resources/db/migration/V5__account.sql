-- Staff accounts and their memberships (user × institution × role).

create table account_user (
    id              bigint generated always as identity primary key,
    email           text not null unique check (email = lower(email) and email like '%_@_%'),
    display_name    text not null check (length(btrim(display_name)) between 1 and 100),
    password_hash   text,
    enabled         boolean not null default true,
    failed_attempts int not null default 0,
    locked_until    timestamptz,
    totp_secret     text,
    totp_last_step  bigint not null default 0,
    created_at      timestamptz not null default now()
);
comment on table account_user is '직원 계정';
comment on column account_user.id is '계정 식별자';
comment on column account_user.email is '전자우편 (로그인 아이디, 소문자)';
comment on column account_user.display_name is '표시 이름';
comment on column account_user.password_hash is '비밀번호 해시 (bcrypt, 알고리즘 접두어 포함). 초대 수락 전에는 비어 있음';
comment on column account_user.enabled is '사용 여부 (사용 중지된 계정은 로그인 불가)';
comment on column account_user.failed_attempts is '연속 로그인 실패 횟수';
comment on column account_user.locked_until is '로그인 잠금 해제 시각 (연속 실패 시)';
comment on column account_user.totp_secret is '2단계 인증(TOTP) 비밀값 (Base32)';
comment on column account_user.totp_last_step is '마지막으로 사용한 TOTP 시간 단계 (재사용 방지)';
comment on column account_user.created_at is '생성 일시';

create table account_membership (
    id             bigint generated always as identity primary key,
    user_id        bigint not null references account_user (id) on delete cascade,
    institution_id bigint references organization_institution (id),
    role           text not null check (role in ('SYSTEM_ADMIN', 'PROGRAM_ADMIN', 'INSTITUTION_COORDINATOR',
                       'INDICATOR_OWNER', 'EVALUATOR', 'COMMITTEE_MEMBER', 'HR_OFFICER', 'AUDIT_OFFICER'))
);
create unique index account_membership_uq on account_membership (user_id, coalesce(institution_id, 0), role);
create index account_membership_institution_idx on account_membership (institution_id);
comment on table account_membership is '소속과 역할: 한 사람이 여러 기관·역할을 가질 수 있음';
comment on column account_membership.id is '소속 식별자';
comment on column account_membership.user_id is '계정';
comment on column account_membership.institution_id is '기관 (외부 평가위원은 비어 있음)';
comment on column account_membership.role is '역할: 시스템 관리자·평가 주관·기관 총괄·지표 담당자·평가위원·적극행정위원회 위원·인사 담당·감사 담당';
