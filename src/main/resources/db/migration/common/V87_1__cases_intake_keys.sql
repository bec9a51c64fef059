-- Idempotency keys of reports (CaseService.createOnce): a report sent again with the same key by the
-- same account files no second case; the answer names the case the first one filed. The key's row is
-- written in the case's transaction, so a key is taken exactly when its case exists. The fingerprint
-- (SHA-256 of the report's fields other than the reporter's personal data) tells a retry from a
-- different report under a reused key. Rows are kept at least a day (IntakeKeys.KEPT).
create table cases_intake_key (
    account_id   varchar(64)   not null,
    intake_key   varchar(255)  not null,
    fingerprint  varchar(64)   not null,
    case_id      bigint        not null,
    created_at   timestamp with time zone not null,
    primary key (account_id, intake_key)
);
create index cases_intake_key_created on cases_intake_key (created_at);
