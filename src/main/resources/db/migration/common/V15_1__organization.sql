-- The city's organization (module organization): departments, their district branches, and the
-- operation and governance centres at three levels. Replaced as a whole by Organization.replaceWith.
create table org_department (
    code      varchar(40)  not null primary key,
    position  integer      not null,
    name      varchar(200) not null,
    name_en   varchar(200) not null,
    kind      varchar(40)  not null
);

create table org_department_branch (
    department_code varchar(40)  not null references org_department (code),
    district_code   varchar(6)   not null,
    name            varchar(200) not null,
    name_en         varchar(200) not null,
    primary key (department_code, district_code)
);

create index org_department_branch_district on org_department_branch (district_code);

create table org_centre (
    id            varchar(15)  not null primary key,
    level         varchar(16)  not null,
    division_code varchar(15),
    name          varchar(200) not null,
    name_en       varchar(200) not null
);

create index org_centre_level on org_centre (level, id);
