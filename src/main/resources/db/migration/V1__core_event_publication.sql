-- Spring Modulith's event publication registry (schema v2 for PostgreSQL): makes module events durable.
create table event_publication (
    id                     uuid not null primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

comment on table event_publication is '모듈 간 이벤트 발행 기록 (Spring Modulith): 처리되지 않은 이벤트를 재시도하기 위해 보관';
comment on column event_publication.id is '발행 식별자';
comment on column event_publication.listener_id is '이벤트를 받는 리스너 식별자';
comment on column event_publication.event_type is '이벤트 유형 (Java 클래스명)';
comment on column event_publication.serialized_event is '직렬화된 이벤트 내용 (JSON)';
comment on column event_publication.publication_date is '발행 일시';
comment on column event_publication.completion_date is '처리 완료 일시 (미처리면 비어 있음)';
comment on column event_publication.status is '처리 상태';
comment on column event_publication.completion_attempts is '처리 시도 횟수';
comment on column event_publication.last_resubmission_date is '마지막 재처리 일시';
