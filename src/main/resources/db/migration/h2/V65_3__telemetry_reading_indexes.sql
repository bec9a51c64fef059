-- H2 has neither partial nor BRIN indexes: the raw readings keep the indexes of V65_1 (see the PostgreSQL migration)
create index if not exists telemetry_readings_ts on telemetry_readings (ts);
