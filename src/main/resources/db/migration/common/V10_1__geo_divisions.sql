-- Districts, streets, communities and unit grids: one table, since the four levels share their
-- shape and a code's length gives its level. The boundary is WKB (longitude/latitude, CGCS2000);
-- the bounding box and the area are stored beside it so both databases can filter without a
-- spatial extension. The geo module indexes the boundaries in memory.
create table geo_division (
    code        varchar(15)      not null primary key,
    level       varchar(10)      not null,
    parent_code varchar(12),
    name        varchar(200)     not null,
    name_en     varchar(200)     not null,
    min_lon     double precision not null,
    min_lat     double precision not null,
    max_lon     double precision not null,
    max_lat     double precision not null,
    area_m2     double precision not null,
    boundary    bytea            not null,
    updated_at  timestamp with time zone not null
);

create index geo_division_parent on geo_division (parent_code);
create index geo_division_level on geo_division (level, code);
