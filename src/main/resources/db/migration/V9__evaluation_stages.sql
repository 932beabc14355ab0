-- Dated stages of a cycle: submission, mutual viewing, objections, answers, ruling, evidence verification, panel scoring.

create table evaluation_stage (
    cycle_id  bigint not null references evaluation_cycle (id) on delete cascade,
    stage     text not null check (stage in ('SUBMISSION', 'MUTUAL_VIEWING', 'OBJECTION', 'OBJECTION_ANSWER', 'RULING',
                                             'VERIFICATION', 'SCORING')),
    opens_at  timestamptz not null,
    closes_at timestamptz not null,
    check (closes_at > opens_at),
    primary key (cycle_id, stage)
);
comment on table evaluation_stage is '회차의 단계별 기간 (실적 제출, 상호열람, 이의신청, 검토의견, 판정, 집합검증, 정성평가)';
comment on column evaluation_stage.cycle_id is '회차';
comment on column evaluation_stage.stage is '단계';
comment on column evaluation_stage.opens_at is '시작 일시';
comment on column evaluation_stage.closes_at is '마감 일시 (이 시각부터 닫힘)';
