-- The audit trail is append-only: the database itself refuses to change or delete records
-- (see org.megacity.audit.internal.AppendOnlyTrigger). H2 fires no trigger on TRUNCATE; the hash
-- chain and its head detect that, and every other tampering that bypasses this trigger.
create trigger audit_record_no_change before update, delete on audit_record
    for each row call 'org.megacity.audit.internal.AppendOnlyTrigger';
