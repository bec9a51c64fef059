-- Representatives (module representatives): deputies, liaison stations and their duty rota,
-- grassroots legislative contact points, and deputies' suggestions (建议、批评和意见) with their
-- handling units, history and deadlines on the working calendar.
create table rep_deputy (
    id               varchar(36)  not null primary key,
    name             varchar(100) not null,
    deputy_level     varchar(20)  not null,
    constituency     varchar(20)  not null,
    delegation       varchar(100) not null,
    phone_sealed     varchar(400),
    email_sealed     varchar(600),
    username         varchar(100) unique,
    created_at       timestamp with time zone not null
);

create table rep_station (
    id            varchar(36)  not null primary key,
    name          varchar(200) not null,
    division_code varchar(20)  not null,
    address       varchar(300),
    lon           double precision,
    lat           double precision,
    created_at    timestamp with time zone not null
);

create table rep_station_duty (
    station_id varchar(36) not null references rep_station (id),
    duty_date  date        not null,
    deputy_id  varchar(36) not null references rep_deputy (id),
    primary key (station_id, duty_date, deputy_id)
);

create table rep_contact_point (
    id               varchar(36)  not null primary key,
    name             varchar(200) not null,
    point_level      varchar(20)  not null,
    division_code    varchar(20)  not null,
    address          varchar(300),
    lon              double precision,
    lat              double precision,
    staff            varchar(1000) not null,
    meetings_held    integer      not null,
    opinions_submitted integer    not null,
    drafts_consulted integer      not null,
    created_at       timestamp with time zone not null
);

create table rep_suggestion (
    id             varchar(36)   not null primary key,
    number         bigint        not null unique,
    title          varchar(300)  not null,
    body           varchar(20000) not null,
    topic          varchar(40)   not null,
    during_session boolean       not null,
    deputy_id      varchar(36)   not null references rep_deputy (id),
    cosigners      varchar(2000) not null,
    proposed_unit  varchar(40),
    lead_unit      varchar(40),
    co_units       varchar(1000) not null,
    hard           boolean       not null,
    state          varchar(20)   not null,
    reply_category varchar(20),
    planned_date   date,
    rehandled      boolean       not null,
    fulfilled      boolean       not null,
    evaluation     varchar(30),
    contacted      boolean       not null,
    version        integer       not null,
    submitted_at   timestamp with time zone not null,
    assigned_at    timestamp with time zone
);

create index rep_suggestion_state on rep_suggestion (state);

create table rep_suggestion_event (
    suggestion_id varchar(36)  not null references rep_suggestion (id),
    seq           integer      not null,
    action        varchar(30)  not null,
    actor         varchar(100) not null,
    unit          varchar(40),
    detail        varchar(4000),
    happened_at   timestamp with time zone not null,
    primary key (suggestion_id, seq)
);

create table rep_deadline (
    id            varchar(36)  not null primary key,
    suggestion_id varchar(36)  not null references rep_suggestion (id),
    kind          varchar(30)  not null,
    unit          varchar(40),
    due_at        timestamp with time zone not null,
    done_at       timestamp with time zone,
    cancelled     boolean      not null,
    reminded_at   timestamp with time zone
);

create index rep_deadline_pending on rep_deadline (done_at, due_at);
