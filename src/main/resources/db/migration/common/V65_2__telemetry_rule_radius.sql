-- composite rules within a radius: the other sensor may be any sensor of the other type within radius_m metres
-- (null: a sensor of the same asset, as before)
alter table telemetry_rules add column radius_m double precision;
