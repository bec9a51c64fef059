-- cheaper index maintenance on the raw readings (docs/telemetry.md, Storage):
-- the message id index holds only readings that carry one; the time index (retention, rollups) is a BRIN
-- index, as readings arrive roughly in time order
drop index telemetry_readings_message;
create unique index telemetry_readings_message on telemetry_readings (message_id) where message_id is not null;
drop index telemetry_readings_ts;
create index telemetry_readings_ts on telemetry_readings using brin (ts);
