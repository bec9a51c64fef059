-- The assets module: pipe networks (nodes and segments per utility), parks, land parcels,
-- urban-renewal projects and city components. Geometries are WKB (longitude/latitude, CGCS2000)
-- with their bounding boxes beside them, as in geo_division, so both databases can filter without
-- a spatial extension; the module indexes everything in memory. Ids are given by the importer
-- (GeoJSON feature ids) and unique per table.
create table asset_pipe_node (
    id          bigint           not null primary key,
    utility     varchar(20)      not null,
    kind        varchar(24)      not null,
    valve_open  boolean          not null,
    lon         double precision not null,
    lat         double precision not null
);

create table asset_pipe_segment (
    id             bigint           not null primary key,
    utility        varchar(20)      not null,
    from_node      bigint           not null,
    to_node        bigint           not null,
    material       varchar(40)      not null,
    diameter_mm    integer          not null,
    install_year   integer          not null,
    pressure_class varchar(20)      not null,
    depth_m        double precision not null,
    operator       varchar(40)      not null,
    min_lon        double precision not null,
    min_lat        double precision not null,
    max_lon        double precision not null,
    max_lat        double precision not null,
    path           bytea            not null
);

create index asset_pipe_segment_utility on asset_pipe_segment (utility);

create table asset_park (
    id            bigint           not null primary key,
    name          varchar(200)     not null,
    level         varchar(20)      not null,
    facilities    varchar(1000)    not null,
    opening_hours varchar(100)     not null,
    min_lon       double precision not null,
    min_lat       double precision not null,
    max_lon       double precision not null,
    max_lat       double precision not null,
    area          bytea            not null
);

create table asset_parcel (
    id               bigint           not null primary key,
    land_use         varchar(10)      not null,
    plot_ratio_limit double precision not null,
    min_lon          double precision not null,
    min_lat          double precision not null,
    max_lon          double precision not null,
    max_lat          double precision not null,
    area             bytea            not null
);

create table asset_renewal_project (
    id          bigint           not null primary key,
    name        varchar(200)     not null,
    phase       varchar(20)      not null,
    budget_wan  bigint           not null,
    households  integer          not null,
    min_lon     double precision not null,
    min_lat     double precision not null,
    max_lon     double precision not null,
    max_lat     double precision not null,
    area        bytea            not null
);

create table asset_component (
    id      bigint           not null primary key,
    code    varchar(16)      not null,
    status  varchar(20)      not null,
    lon     double precision not null,
    lat     double precision not null,
    constraint asset_component_code unique (code)
);
