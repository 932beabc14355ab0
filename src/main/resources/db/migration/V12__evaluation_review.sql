-- Cross-review (VPS cycle, domain brief §4.2): per-cycle review rules, objections with their answers and rulings, and
-- the log of every value a ruling or the evidence verification changed (or flagged).

create table evaluation_review_rule (
    cycle_id          bigint primary key references evaluation_cycle (id) on delete cascade,
    objector_hidden   boolean not null default true,
    rejected_evidence text not null default 'ZERO' check (rejected_evidence in ('ZERO', 'FLAG')),
    updated_by        text not null,
    updated_at        timestamptz not null default now()
);
comment on table evaluation_review_rule is '회차별 이의신청·집합검증 규칙 (행이 없으면 기본값: 신청 기관 비공개, 불인정 시 0점)';
comment on column evaluation_review_rule.cycle_id is '회차';
comment on column evaluation_review_rule.objector_hidden is '이의신청 기관을 피신청 기관에 숨김';
comment on column evaluation_review_rule.rejected_evidence is '증빙이 모두 불인정된 지표: ZERO 0점 처리, FLAG 표시만';
comment on column evaluation_review_rule.updated_by is '바꾼 사람 (행위자 식별자)';
comment on column evaluation_review_rule.updated_at is '바꾼 일시';

create table evaluation_objection (
    id                     bigint generated always as identity primary key,
    cycle_id               bigint not null references evaluation_cycle (id) on delete cascade,
    objector_institution_id bigint not null references organization_institution (id),
    target_institution_id  bigint not null references organization_institution (id),
    indicator_id           bigint not null references evaluation_indicator (id) on delete cascade,
    reason                 text not null check (length(btrim(reason)) between 1 and 2000),
    filed_by               text not null,
    filed_at               timestamptz not null default now(),
    answer                 text check (answer is null or length(btrim(answer)) between 1 and 2000),
    answered_by            text,
    answered_at            timestamptz,
    ruling                 text check (ruling in ('UPHELD', 'PARTLY_UPHELD', 'DISMISSED')),
    ruling_reason          text check (ruling_reason is null or length(btrim(ruling_reason)) between 1 and 2000),
    old_value              numeric(18, 6),
    new_value              numeric(18, 6),
    ruled_by               text,
    ruled_at               timestamptz,
    check (objector_institution_id <> target_institution_id),
    check ((answer is null) = (answered_at is null)),
    check ((ruling is null) = (ruled_at is null)),
    check (ruling is not null or new_value is null),
    check (new_value is null or ruling in ('UPHELD', 'PARTLY_UPHELD'))
);
create index evaluation_objection_cycle_ix on evaluation_objection (cycle_id, target_institution_id);
comment on table evaluation_objection is '이의신청: 같은 평가군의 다른 기관 지표 실적·사례에 대한 이의, 검토의견, 판정';
comment on column evaluation_objection.id is '이의신청 식별자';
comment on column evaluation_objection.cycle_id is '회차';
comment on column evaluation_objection.objector_institution_id is '이의신청 기관 (규칙에 따라 피신청 기관에는 숨김)';
comment on column evaluation_objection.target_institution_id is '피신청 기관';
comment on column evaluation_objection.indicator_id is '이의 대상 지표';
comment on column evaluation_objection.reason is '신청 사유 (2 000자 이내)';
comment on column evaluation_objection.filed_by is '신청한 사람 (행위자 식별자)';
comment on column evaluation_objection.filed_at is '신청 일시';
comment on column evaluation_objection.answer is '피신청 기관의 검토의견';
comment on column evaluation_objection.answered_by is '검토의견 작성자';
comment on column evaluation_objection.answered_at is '검토의견 일시';
comment on column evaluation_objection.ruling is '판정: 인용, 일부 인용, 기각';
comment on column evaluation_objection.ruling_reason is '판정 사유';
comment on column evaluation_objection.old_value is '판정으로 바뀐 실적 값의 이전 값';
comment on column evaluation_objection.new_value is '판정으로 바뀐 실적 값';
comment on column evaluation_objection.ruled_by is '판정한 사람';
comment on column evaluation_objection.ruled_at is '판정 일시';

create table evaluation_value_correction (
    id             bigint generated always as identity primary key,
    cycle_id       bigint not null references evaluation_cycle (id) on delete cascade,
    institution_id bigint not null references organization_institution (id),
    indicator_id   bigint not null references evaluation_indicator (id) on delete cascade,
    source         text not null check (source in ('RULING', 'VERIFICATION')),
    source_id      bigint not null,
    kind           text not null check (kind in ('CORRECTED', 'ZEROED', 'FLAGGED')),
    old_value      numeric(18, 6),
    new_value      numeric(18, 6),
    reason         text not null check (length(btrim(reason)) between 1 and 2000),
    corrected_by   text not null,
    corrected_at   timestamptz not null default now(),
    check (kind = 'FLAGGED' or new_value is not null)
);
create index evaluation_value_correction_ix on evaluation_value_correction (cycle_id, institution_id);
comment on table evaluation_value_correction is '판정·집합검증으로 바뀌거나 표시된 실적 값의 기록 (이전 값, 새 값, 사유)';
comment on column evaluation_value_correction.id is '기록 식별자';
comment on column evaluation_value_correction.cycle_id is '회차';
comment on column evaluation_value_correction.institution_id is '기관';
comment on column evaluation_value_correction.indicator_id is '지표';
comment on column evaluation_value_correction.source is '근거: 이의 판정 또는 집합검증';
comment on column evaluation_value_correction.source_id is '근거의 식별자 (이의신청 또는 증빙)';
comment on column evaluation_value_correction.kind is '정정, 0점 처리, 표시만';
comment on column evaluation_value_correction.old_value is '이전 값';
comment on column evaluation_value_correction.new_value is '새 값 (표시만이면 비움)';
comment on column evaluation_value_correction.reason is '사유';
comment on column evaluation_value_correction.corrected_by is '처리한 사람';
comment on column evaluation_value_correction.corrected_at is '처리 일시';
