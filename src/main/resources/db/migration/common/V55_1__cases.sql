-- Cases (module cases): reported problems through their lifecycle, with the full history of actions,
-- and the Open311 API keys. Personal data of reporters is stored encrypted (identity.FieldCipher).
create sequence cases_number start with 1000001;

create table cases_case (
    id                 bigint        not null primary key,
    version            integer       not null,
    status             varchar(20)   not null,
    channel            varchar(20)   not null,
    category           varchar(10)   not null,
    hotline_type       varchar(30),
    title              varchar(200),
    description        varchar(4000),
    address            varchar(300),
    lon                double precision not null,
    lat                double precision not null,
    grid_code          varchar(20)   not null,
    community_code     varchar(20)   not null,
    street_code        varchar(20)   not null,
    district_code      varchar(20)   not null,
    department         varchar(40)   not null,
    department_unit    varchar(200),
    centre             varchar(20)   not null,
    escalation_level   integer       not null,
    component_code     varchar(30),
    source_ref         varchar(100),
    reporter_account   varchar(64),
    reporter_name      varchar(600),
    reporter_phone     varchar(600),
    reporter_email     varchar(600),
    token              varchar(40)   not null unique,
    duplicate_of       bigint,
    merged_into        bigint,
    rejection          varchar(20),
    reported_at        timestamp with time zone not null,
    filed_at           timestamp with time zone,
    dispatched_at      timestamp with time zone,
    accepted_at        timestamp with time zone,
    handled_at         timestamp with time zone,
    verified_at        timestamp with time zone,
    closed_at          timestamp with time zone,
    evaluated_at       timestamp with time zone,
    due_at             timestamp with time zone,
    handle_due         timestamp with time zone,
    escalation_due     timestamp with time zone,
    suspended_from     varchar(20),
    suspended_at       timestamp with time zone,
    extension_request  varchar(10),
    evidence           varchar(4000),
    handling_seconds   bigint,
    handled_on_time    boolean,
    satisfaction       integer,
    updated_at         timestamp with time zone not null
);

create index cases_case_status on cases_case (status, due_at);
create index cases_case_near on cases_case (category, lat, lon);
create index cases_case_filed on cases_case (filed_at);
create index cases_case_district on cases_case (district_code, status);
create index cases_case_department on cases_case (department, status);
create index cases_case_escalation on cases_case (escalation_due);

create table cases_history (
    case_id     bigint        not null,
    seq         integer       not null,
    at          timestamp with time zone not null,
    actor_id    varchar(64)   not null,
    actor_name  varchar(100)  not null,
    actor_role  varchar(40),
    action      varchar(30)   not null,
    from_status varchar(20),
    to_status   varchar(20)   not null,
    reason      varchar(2000),
    detail      varchar(2000),
    primary key (case_id, seq)
);

create table cases_open311_key (
    key_hash    varchar(64)   not null primary key,
    key_prefix  varchar(12)   not null,
    name        varchar(200)  not null,
    created_at  timestamp with time zone not null,
    created_by  varchar(100)  not null,
    revoked_at  timestamp with time zone
);
