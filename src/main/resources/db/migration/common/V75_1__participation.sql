-- Public consultation (module participation): consultations on a bill version, grassroots contact
-- points and their staff, offline meetings, expert review requests, opinions from every channel
-- (submitters' personal data sealed by identity's FieldCipher; lookup tokens stored as SHA-256
-- only), moderation (hidden, never deleted), and dispositions per opinion or group of opinions.
create table participation_consultation (
    id                  varchar(36)  not null primary key,
    bill_id             varchar(36)  not null,
    version             integer      not null,
    title               varchar(300) not null,
    opens_at            timestamp with time zone not null,
    closes_at           timestamp with time zone not null,
    whole_bill          boolean      not null,
    override_reason     varchar(1000),
    created_at          timestamp with time zone not null,
    created_by          varchar(100) not null,
    report_published_at timestamp with time zone,
    report_published_by varchar(100)
);

create index participation_consultation_bill on participation_consultation (bill_id, version);

-- the articles a consultation asks about when it does not cover the whole bill (by wId)
create table participation_scope (
    consultation_id varchar(36)  not null references participation_consultation (id),
    article_wid     varchar(200) not null,
    primary key (consultation_id, article_wid)
);

create table participation_contact_point (
    id         varchar(36)  not null primary key,
    name       varchar(200) not null,
    place      varchar(300),
    created_at timestamp with time zone not null
);

create table participation_contact_point_staff (
    contact_point_id varchar(36)  not null references participation_contact_point (id),
    username         varchar(100) not null,
    primary key (contact_point_id, username)
);

create table participation_meeting (
    id               varchar(36)  not null primary key,
    consultation_id  varchar(36)  not null references participation_consultation (id),
    contact_point_id varchar(36)  not null references participation_contact_point (id),
    held_on          date         not null,
    place            varchar(300) not null,
    participants     integer      not null,
    participant_kinds varchar(300) not null,
    recorded_at      timestamp with time zone not null,
    recorded_by      varchar(100) not null
);

create table participation_review_request (
    id              varchar(36)  not null primary key,
    consultation_id varchar(36)  not null references participation_consultation (id),
    expert          varchar(100) not null,
    organisation    varchar(200),
    due_on          date         not null,
    note            varchar(1000),
    requested_at    timestamp with time zone not null,
    requested_by    varchar(100) not null,
    answered_at     timestamp with time zone
);

create table participation_disposition (
    id              varchar(36)  not null primary key,
    consultation_id varchar(36)  not null references participation_consultation (id),
    outcome         varchar(30)  not null,
    reason          varchar(2000),
    referred_to     varchar(300),
    change_version  integer,
    change_eid      varchar(200),
    change_wid      varchar(200),
    group_label     varchar(200),
    recorded_at     timestamp with time zone not null,
    recorded_by     varchar(100) not null
);

create table participation_opinion (
    id                varchar(36)  not null primary key,
    consultation_id   varchar(36)  not null references participation_consultation (id),
    eid               varchar(200),
    wid               varchar(200),
    article_wid       varchar(200),
    element_label     varchar(200),
    channel           varchar(30)  not null,
    body              varchar(20000) not null,
    body_hash         varchar(64)  not null,
    account_id        varchar(100),
    submitter_name    varchar(1000),
    submitter_contact varchar(1000),
    organisation      varchar(200),
    meeting_id        varchar(36)  references participation_meeting (id),
    review_request_id varchar(36)  references participation_review_request (id),
    received_on       date,
    token_hash        varchar(64)  not null unique,
    submitted_at      timestamp with time zone not null,
    recorded_by       varchar(100) not null,
    hidden_at         timestamp with time zone,
    hidden_by         varchar(100),
    hidden_reason     varchar(1000),
    disposition_id    varchar(36)  references participation_disposition (id)
);

create index participation_opinion_consultation on participation_opinion (consultation_id, channel);
create index participation_opinion_account on participation_opinion (account_id);
create index participation_opinion_hash on participation_opinion (consultation_id, body_hash);
