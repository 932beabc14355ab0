-- Panel scores for qualitative indicators (evaluator × institution), until the judging module takes them over.

create table evaluation_panel_score (
    cycle_id       bigint not null references evaluation_cycle (id) on delete cascade,
    indicator_id   bigint not null references evaluation_indicator (id) on delete cascade,
    evaluator      text not null check (length(btrim(evaluator)) between 1 and 100),
    institution_id bigint not null references organization_institution (id),
    score          numeric(10, 4) not null,
    entered_at     timestamptz not null default now(),
    primary key (cycle_id, indicator_id, evaluator, institution_id)
);
comment on table evaluation_panel_score is '정성 지표의 평가위원별 점수 (평가위원 × 기관)';
comment on column evaluation_panel_score.cycle_id is '회차';
comment on column evaluation_panel_score.indicator_id is '지표';
comment on column evaluation_panel_score.evaluator is '평가위원 (가명 식별자: 기관에는 익명으로 보임)';
comment on column evaluation_panel_score.institution_id is '평가 대상 기관';
comment on column evaluation_panel_score.score is '점수';
comment on column evaluation_panel_score.entered_at is '입력 일시';
