-- Legislation (module legislation): legislative plans, bills with their stages and stage history,
-- versions of the draft per reading, and each version's elements (divisions, articles, paragraphs,
-- items, sub-items) with their Akoma Ntoso ids: eid follows the version, wid stays across versions.
create table legislation_plan (
    id          varchar(36)  not null primary key,
    plan_year   integer      not null unique,
    title       varchar(300) not null,
    created_at  timestamp with time zone not null
);

create table legislation_bill (
    id                varchar(36)  not null primary key,
    plan_id           varchar(36)  references legislation_plan (id),
    title             varchar(300) not null,
    area              varchar(40)  not null,
    kind              varchar(20)  not null,
    sponsor           varchar(200),
    drafting_body     varchar(200),
    target_submission date,
    target_adoption   date,
    stage             varchar(30)  not null,
    stage_since       date         not null,
    created_at        timestamp with time zone not null,
    created_by        varchar(100) not null
);

create index legislation_bill_plan on legislation_bill (plan_id, stage);

create table legislation_stage_history (
    bill_id     varchar(36)  not null references legislation_bill (id),
    seq         integer      not null,
    from_stage  varchar(30),
    to_stage    varchar(30)  not null,
    on_date     date         not null,
    note        varchar(1000),
    recorded_at timestamp with time zone not null,
    recorded_by varchar(100) not null,
    primary key (bill_id, seq)
);

create table legislation_version (
    bill_id       varchar(36)  not null references legislation_bill (id),
    version       integer      not null,
    stage         varchar(30)  not null,
    label         varchar(200),
    title         varchar(300) not null,
    history       text         not null,
    preamble      text         not null,
    source_format varchar(20)  not null,
    source_text   text         not null,
    article_count integer      not null,
    published_at  timestamp with time zone,
    created_at    timestamp with time zone not null,
    created_by    varchar(100) not null,
    primary key (bill_id, version)
);

create table legislation_element (
    bill_id    varchar(36)  not null,
    version    integer      not null,
    seq        integer      not null,
    parent_seq integer,
    kind       varchar(12)  not null,
    level      varchar(12),
    number     integer      not null,
    sub_number integer      not null,
    style      varchar(8),
    heading    varchar(500),
    body       text,
    eid        varchar(400) not null,
    wid        varchar(400) not null,
    line       integer      not null,
    primary key (bill_id, version, seq),
    foreign key (bill_id, version) references legislation_version (bill_id, version)
);

create index legislation_element_wid on legislation_element (bill_id, wid);
