-- Results: each run keeps the evaluator normalization it was computed with; a cycle's chosen run is published once,
-- with its posting period, legal basis and method; the panel scores shown to the public are stored anonymized.

alter table evaluation_run add column evaluator_method text not null default 'AUTOMATIC'
    check (evaluator_method in ('AUTOMATIC', 'RAW_MEAN', 'Z_SCORE', 'TRIMMED_MEAN', 'MIN_MAX_WINSORIZED', 'BIAS_MODEL'));
comment on column evaluation_run.evaluator_method is '정성 지표 평가위원 점수의 정규화 방법 (자동 선택 또는 지정한 방법)';

create table evaluation_publication (
    cycle_id          bigint primary key references evaluation_cycle (id) on delete cascade,
    run_no            int not null,
    published_by      text not null,
    published_by_name text not null,
    published_at      timestamptz not null default now(),
    posting_from      date not null,
    posting_to        date not null check (posting_to >= posting_from),
    legal_basis       text not null check (length(btrim(legal_basis)) between 1 and 2000),
    method_text       text not null check (length(btrim(method_text)) between 1 and 4000),
    foreign key (cycle_id, run_no) references evaluation_run (cycle_id, run_no)
);
comment on table evaluation_publication is '결과 발표: 고른 산출을 공개한 기록 (발표 후 결과는 바뀌지 않는다)';
comment on column evaluation_publication.cycle_id is '회차';
comment on column evaluation_publication.run_no is '발표한 산출 번호';
comment on column evaluation_publication.published_by is '발표한 사람 (행위자 식별자)';
comment on column evaluation_publication.published_by_name is '발표한 사람 이름';
comment on column evaluation_publication.published_at is '발표 일시';
comment on column evaluation_publication.posting_from is '게시 기간 시작';
comment on column evaluation_publication.posting_to is '게시 기간 끝';
comment on column evaluation_publication.legal_basis is '법적 근거 (예: 적극행정 운영규정 제18조)';
comment on column evaluation_publication.method_text is '평가 방법 설명 (공개 페이지에 그대로 보임)';

create table evaluation_published_panel_score (
    cycle_id       bigint not null references evaluation_publication (cycle_id) on delete cascade,
    institution_id bigint not null references organization_institution (id),
    indicator_code text not null,
    evaluator_mark text not null check (evaluator_mark ~ '^[A-Z]{1,2}$'),
    score          numeric(10, 4) not null,
    primary key (cycle_id, institution_id, indicator_code, evaluator_mark)
);
comment on table evaluation_published_panel_score is '발표 시점의 정성 지표 평가위원 점수 (익명: 기관·지표마다 점수 높은 순 A, B, …; 이름은 보관하지 않음)';
comment on column evaluation_published_panel_score.cycle_id is '회차';
comment on column evaluation_published_panel_score.institution_id is '평가 대상 기관';
comment on column evaluation_published_panel_score.indicator_code is '지표 코드';
comment on column evaluation_published_panel_score.evaluator_mark is '익명 평가위원 표시 (A, B, …)';
comment on column evaluation_published_panel_score.score is '점수';
