-- Audit: the append-only, hash-chained audit trail. Each record's hash is an HMAC-SHA256 over its
-- content and the previous record's hash; the head row holds the last sequence and hash (and an
-- HMAC over both), updated in the same transaction as each append, so a deleted tail shows.
create table audit_record (
    sequence      bigint        primary key,
    recorded_at   timestamp with time zone not null,
    actor         varchar(200)  not null,
    roles         varchar(400)  not null,
    action        varchar(500)  not null,
    object        varchar(1000) not null,
    result        varchar(100)  not null,
    source        varchar(100)  not null,
    previous_hash varchar(64)   not null,
    hash          varchar(64)   not null
);
create index audit_record_by_time on audit_record (recorded_at);
create index audit_record_by_actor on audit_record (actor, sequence);

create table audit_chain_head (
    id            integer     primary key,
    last_sequence bigint      not null,
    last_hash     varchar(64) not null,
    head_mac      varchar(64)
);
insert into audit_chain_head (id, last_sequence, last_hash, head_mac)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', null);
