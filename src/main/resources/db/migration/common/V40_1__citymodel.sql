-- The demo city (module citymodel): its landscape layer (rivers) and how it was generated.
create table citymodel_landscape (
    id       varchar(60)  not null primary key,
    kind     varchar(20)  not null,
    name     varchar(200) not null,
    name_en  varchar(200) not null,
    geometry bytea        not null  -- WKB, longitude/latitude (CGCS2000)
);

-- One row per generation loaded into this database.
create table citymodel_generation (
    id           bigint                   not null primary key,
    scale        varchar(20)              not null,
    seed         bigint                   not null,
    districts    integer                  not null,
    streets      integer                  not null,
    communities  integer                  not null,
    grids        integer                  not null,
    generated_at timestamp with time zone not null
);
