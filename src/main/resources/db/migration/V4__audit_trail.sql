-- The audit trail: append-only, each row chained to the previous one by a SHA-256 hash.

create table audit_entry (
    seq             bigint primary key check (seq >= 1),
    occurred_at     timestamptz not null,
    actor_kind      text not null check (actor_kind in ('USER', 'CITIZEN', 'SYSTEM', 'ANONYMOUS')),
    actor_id        text not null,
    actor_name      text not null,
    module          text not null,
    action          text not null,
    institution_ids bigint[] not null default '{}',
    payload         text not null,
    prev_hash       varchar(64) not null,
    hash            varchar(64) not null unique
);
create index audit_entry_occurred_idx on audit_entry (occurred_at);
create index audit_entry_actor_idx on audit_entry (actor_id);
create index audit_entry_action_idx on audit_entry (module, action);
create index audit_entry_institutions_idx on audit_entry using gin (institution_ids);

comment on table audit_entry is '감사 기록: 모든 모듈의 상태 변경. 추가만 가능하며, 각 행은 앞 행의 해시를 포함한 SHA-256 해시로 이어져 변조를 찾아낼 수 있음';
comment on column audit_entry.seq is '일련번호 (1부터 빈틈없이 증가)';
comment on column audit_entry.occurred_at is '발생 일시';
comment on column audit_entry.actor_kind is '행위자 종류: USER(직원)·CITIZEN(본인확인 시민)·SYSTEM(시스템)·ANONYMOUS(로그인 전)';
comment on column audit_entry.actor_id is '행위자 식별자 (시민은 가명 키)';
comment on column audit_entry.actor_name is '행위자 표시 이름';
comment on column audit_entry.module is '변경한 모듈 (organization 등)';
comment on column audit_entry.action is '변경 내용 (이벤트 이름, 예: InstitutionsReorganized)';
comment on column audit_entry.institution_ids is '관련 기관 (검색용)';
comment on column audit_entry.payload is '변경 내용 전체 (JSON 텍스트, 해시 계산에 그대로 사용)';
comment on column audit_entry.prev_hash is '앞 행의 해시 (첫 행은 0 64개)';
comment on column audit_entry.hash is '이 행의 SHA-256 해시: 일련번호·일시·행위자·모듈·변경·기관·내용·앞 행 해시를 이어 계산';

-- Append-only: the application never updates or deletes; this makes an accidental or careless attempt fail loudly.
-- (A database superuser can still disable the trigger: the hash chain is what detects that.)
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception '감사 기록은 수정하거나 삭제할 수 없습니다 (audit_entry is append-only)';
end;
$$;
create trigger audit_entry_no_update before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_append_only();
