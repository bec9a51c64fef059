-- The audit trail is append-only: the database itself refuses to change or delete records.
-- (The hash chain still detects tampering by someone who can disable this trigger.)
create function audit_record_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit records are append-only: % on audit_record is not allowed', tg_op;
end
$$;

create trigger audit_record_no_change before update or delete on audit_record
    for each row execute function audit_record_append_only();

create trigger audit_record_no_truncate before truncate on audit_record
    for each statement execute function audit_record_append_only();
