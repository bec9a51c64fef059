-- Representatives: constituents' problems a deputy referred into cases (the deputy channel), with
-- the case's status as the cases module reports it, so that the deputy follows it.
create table rep_referral (
    id           varchar(36)   not null primary key,
    deputy_id    varchar(36)   not null references rep_deputy (id),
    case_id      bigint        not null unique,
    case_token   varchar(100)  not null,
    category     varchar(20)   not null,
    description  varchar(4000) not null,
    status       varchar(30)   not null,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null
);

create index rep_referral_deputy on rep_referral (deputy_id, created_at);
