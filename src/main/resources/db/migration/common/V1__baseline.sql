-- Baseline of the schema. Each module owns its tables and adds its own migrations in its own
-- version range (see docs/architecture.md, "Persistence"): geo V10.x, organization V15.x,
-- identity V20.x, audit V30.x, citymodel V40.x.
select 1;
