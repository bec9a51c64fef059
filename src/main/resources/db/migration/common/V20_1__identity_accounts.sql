-- Identity: local accounts, their roles and jurisdictions, and personal access tokens.
create table identity_account (
    id                   varchar(36)  primary key,
    username             varchar(64)  not null unique,
    display_name         varchar(200) not null,
    password_hash        varchar(200) not null,
    enabled              boolean      not null,
    must_change_password boolean      not null,
    failed_logins        integer      not null default 0,
    locked_until         timestamp with time zone,
    citywide             boolean      not null default false,
    created_at           timestamp with time zone not null,
    changed_at           timestamp with time zone not null,
    password_changed_at  timestamp with time zone not null
);

create table identity_account_role (
    account_id varchar(36) not null references identity_account (id),
    role       varchar(40) not null,
    primary key (account_id, role)
);
create index identity_account_role_by_role on identity_account_role (role);

create table identity_account_division (
    account_id    varchar(36) not null references identity_account (id),
    division_code varchar(15) not null,
    primary key (account_id, division_code)
);

create table identity_account_department (
    account_id      varchar(36) not null references identity_account (id),
    department_code varchar(40) not null,
    primary key (account_id, department_code)
);

-- Personal access tokens: only the SHA-256 of the secret is kept.
create table identity_token (
    id           varchar(36)  primary key,
    account_id   varchar(36)  not null references identity_account (id),
    name         varchar(100) not null,
    token_hash   varchar(64)  not null unique,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    revoked_at   timestamp with time zone,
    last_used_at timestamp with time zone
);
create index identity_token_by_account on identity_token (account_id);
