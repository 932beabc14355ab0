-- The institution registry: effective-dated institutions, their lineage, evaluation groups and file imports.

create table organization_institution (
    id            bigint generated always as identity primary key,
    org_code      varchar(7) check (org_code ~ '^[0-9A-Z]{7}$'),
    sgis_code     varchar(5) check (sgis_code ~ '^[0-9]{2}([0-9]{3})?$'),
    region_code   varchar(2) check (region_code ~ '^[0-9]{2}$'),
    name          text not null check (length(btrim(name)) between 1 and 100),
    name_en       text,
    full_name     text,
    kind          text not null check (kind in ('SPECIAL_CITY', 'METROPOLITAN_CITY', 'SPECIAL_SELF_GOVERNING_CITY',
                      'PROVINCE', 'SPECIAL_SELF_GOVERNING_PROVINCE', 'INTEGRATED_SPECIAL_CITY', 'CITY', 'COUNTY',
                      'DISTRICT', 'CENTRAL_AGENCY', 'EDUCATION_OFFICE', 'PUBLIC_INSTITUTION', 'OTHER')),
    level         text not null check (level in ('METROPOLITAN', 'BASIC', 'CENTRAL', 'EDUCATION', 'PUBLIC', 'OTHER')),
    parent_id     bigint references organization_institution (id),
    valid_from    date,
    valid_to      date,
    note          text,
    source        text not null check (source in ('SEED', 'IMPORT', 'MANUAL')),
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    check (valid_from is null or valid_to is null or valid_from <= valid_to)
);
-- A 기관코드 names one institution at a time: at most one open row per code (a renamed row hands its code on).
create unique index organization_institution_open_code_uq on organization_institution (org_code)
    where org_code is not null and valid_to is null;
create index organization_institution_code_idx on organization_institution (org_code);
create index organization_institution_validity_idx on organization_institution (valid_from, valid_to);
create index organization_institution_region_idx on organization_institution (region_code);
create index organization_institution_kind_idx on organization_institution (kind);

comment on table organization_institution is '기관: 지방자치단체(광역·기초), 중앙행정기관, 교육청, 공공기관. 유효기간으로 이력을 관리하며 한 행은 한 기간의 한 기관';
comment on column organization_institution.id is '기관 행 식별자 (내부)';
comment on column organization_institution.org_code is '행정표준코드 기관코드 (7자리 숫자, 공공기관은 영문 대문자로 시작: 예 B551011)';
comment on column organization_institution.sgis_code is '통계청 통계지리정보서비스(SGIS) 행정구역코드 (광역 2자리, 기초 5자리)';
comment on column organization_institution.region_code is '소속 광역의 SGIS 코드 (2자리): 광역은 자기 코드, 기초는 상위 광역 코드. 명칭이 바뀌어도 유지됨';
comment on column organization_institution.name is '공식 기관명 (기초는 광역명을 뺀 이름, 예: 중구)';
comment on column organization_institution.name_en is '영문 기관명 (로마자 표기)';
comment on column organization_institution.full_name is '기관 전체명 (행정표준코드의 기관전체명)';
comment on column organization_institution.kind is '기관 종류: 특별시·광역시·특별자치시·도·특별자치도·통합특별시·시·군·구·중앙행정기관·교육청·공공기관·기타';
comment on column organization_institution.level is '기관 계층: 광역(METROPOLITAN)·기초(BASIC)·중앙(CENTRAL)·교육청(EDUCATION)·공공기관(PUBLIC)·기타(OTHER)';
comment on column organization_institution.parent_id is '상위 기관 (지방자치단체 외 기관의 차상위기관)';
comment on column organization_institution.valid_from is '유효 시작일 (포함). 비어 있으면 기록 이전부터 존재';
comment on column organization_institution.valid_to is '유효 종료일 (포함). 비어 있으면 현재 유효';
comment on column organization_institution.note is '변경 내용 메모';
comment on column organization_institution.source is '등록 경로: SEED(기본 자료)·IMPORT(파일 가져오기)·MANUAL(관리자 입력)';
comment on column organization_institution.created_at is '등록 일시';
comment on column organization_institution.updated_at is '최종 수정 일시';

create table organization_succession (
    id             bigint generated always as identity primary key,
    predecessor_id bigint not null references organization_institution (id),
    successor_id   bigint not null references organization_institution (id),
    change_type    text not null check (change_type in ('RENAMED', 'MOVED', 'MERGED', 'SPLIT', 'SPLIT_OFF', 'REORGANIZED')),
    effective_on   date not null,
    note           text,
    created_at     timestamptz not null default now(),
    unique (predecessor_id, successor_id),
    check (predecessor_id <> successor_id)
);
create index organization_succession_successor_idx on organization_succession (successor_id);

comment on table organization_succession is '기관 승계 관계: 명칭변경·관할변경·통합·분리·분구·개편 시 이전 기관과 이후 기관을 잇는 이력';
comment on column organization_succession.id is '승계 관계 식별자';
comment on column organization_succession.predecessor_id is '이전 기관';
comment on column organization_succession.successor_id is '이후(승계) 기관';
comment on column organization_succession.change_type is '변경 유형: RENAMED(명칭변경)·MOVED(관할변경)·MERGED(통합)·SPLIT(분리)·SPLIT_OFF(분구·분할 신설, 이전 기관 존속)·REORGANIZED(개편)';
comment on column organization_succession.effective_on is '변경 시행일 (이후 기관의 유효 시작일)';
comment on column organization_succession.note is '근거 법령 등 메모';
comment on column organization_succession.created_at is '기록 일시';

create table organization_group (
    id          bigint generated always as identity primary key,
    code        text not null unique check (code ~ '^[A-Za-z0-9_-]{1,60}$'),
    name        text not null check (length(btrim(name)) between 1 and 100),
    name_en     text,
    description text,
    as_of       date,
    created_at  timestamptz not null default now()
);
comment on table organization_group is '평가군: 함께 순위를 매기는 기관의 이름 붙은 집합 (예: 광역·시·군·구)';
comment on column organization_group.id is '평가군 식별자';
comment on column organization_group.code is '평가군 코드 (영문·숫자)';
comment on column organization_group.name is '평가군 이름';
comment on column organization_group.name_en is '평가군 영문 이름';
comment on column organization_group.description is '설명';
comment on column organization_group.as_of is '구성 기준일 (이 날짜에 유효한 기관으로 구성)';
comment on column organization_group.created_at is '생성 일시';

create table organization_group_member (
    group_id       bigint not null references organization_group (id) on delete cascade,
    institution_id bigint not null references organization_institution (id),
    primary key (group_id, institution_id)
);
create index organization_group_member_institution_idx on organization_group_member (institution_id);
comment on table organization_group_member is '평가군 구성 기관';
comment on column organization_group_member.group_id is '평가군';
comment on column organization_group_member.institution_id is '구성 기관';

create table organization_import (
    id             uuid primary key,
    file_name      text not null,
    file_sha256    varchar(64) not null,
    file_format    text,
    content        bytea not null,
    effective_on   date not null,
    status         text not null check (status in ('ANALYZING', 'PREVIEW', 'APPLYING', 'APPLIED', 'FAILED')),
    total_rows     int not null default 0,
    processed_rows int not null default 0,
    count_new      int not null default 0,
    count_changed  int not null default 0,
    count_ended    int not null default 0,
    count_unchanged int not null default 0,
    count_skipped  int not null default 0,
    count_errors   int not null default 0,
    created_at     timestamptz not null default now(),
    applied_at     timestamptz,
    failure_key    text,
    plan_sha256    varchar(64)
);
create index organization_import_created_idx on organization_import (created_at desc);
comment on table organization_import is '기관코드 파일 가져오기: 업로드한 파일과 미리보기 결과. 확인(적용) 전에는 기관 정보를 바꾸지 않음';
comment on column organization_import.id is '가져오기 식별자';
comment on column organization_import.file_name is '업로드한 파일 이름';
comment on column organization_import.file_sha256 is '파일 내용의 SHA-256 해시';
comment on column organization_import.file_format is '감지한 파일 형식 (CSV UTF-8·CSV CP949·XLSX)';
comment on column organization_import.content is '업로드한 파일 내용 (적용 시 다시 분석)';
comment on column organization_import.effective_on is '변경 기준일: 명칭 변경 등 날짜가 없는 변경에 적용';
comment on column organization_import.status is '상태: ANALYZING(분석 중)·PREVIEW(미리보기)·APPLYING(적용 중)·APPLIED(적용 완료)·FAILED(실패)';
comment on column organization_import.total_rows is '데이터 행 수';
comment on column organization_import.processed_rows is '처리한 행 수 (진행률)';
comment on column organization_import.count_new is '신규 기관 수';
comment on column organization_import.count_changed is '변경 기관 수';
comment on column organization_import.count_ended is '폐지 기관 수';
comment on column organization_import.count_unchanged is '변경 없는 행 수';
comment on column organization_import.count_skipped is '건너뛴 행 수 (하위 부서 등)';
comment on column organization_import.count_errors is '오류 행 수 (하나라도 있으면 적용 불가)';
comment on column organization_import.created_at is '업로드 일시';
comment on column organization_import.applied_at is '적용 일시';
comment on column organization_import.failure_key is '실패 사유 메시지 키';
comment on column organization_import.plan_sha256 is '미리보기 결과의 지문(SHA-256): 확인 시 같은 결과일 때만 반영';

create table organization_import_line (
    import_id      uuid not null references organization_import (id) on delete cascade,
    line_no        int not null,
    row_number     int not null,
    outcome        text not null check (outcome in ('NEW', 'CHANGED', 'ENDED', 'UNCHANGED', 'SKIPPED', 'ERROR')),
    org_code       text,
    name           text,
    institution_id bigint references organization_institution (id),
    message_key    text not null,
    message_args   text[] not null default '{}',
    primary key (import_id, line_no)
);
create index organization_import_line_outcome_idx on organization_import_line (import_id, outcome, row_number);
comment on table organization_import_line is '가져오기 미리보기의 행별 결과';
comment on column organization_import_line.import_id is '가져오기';
comment on column organization_import_line.line_no is '미리보기 줄 순번';
comment on column organization_import_line.row_number is '파일의 행 번호 (머리글이 1행)';
comment on column organization_import_line.outcome is '결과: NEW(신규)·CHANGED(변경)·ENDED(폐지)·UNCHANGED(변경 없음)·SKIPPED(건너뜀)·ERROR(오류)';
comment on column organization_import_line.org_code is '행의 기관코드';
comment on column organization_import_line.name is '행의 기관명';
comment on column organization_import_line.institution_id is '일치한 기존 기관';
comment on column organization_import_line.message_key is '설명 메시지 키';
comment on column organization_import_line.message_args is '설명 메시지 인자';
