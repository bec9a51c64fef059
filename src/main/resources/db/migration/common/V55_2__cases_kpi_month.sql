-- Cases (module cases): the KPI figures per month of filing, district, department and category, kept
-- in step with every transition (in the same transaction), so that KPIs over whole months
-- read a few thousand rows instead of every case. Built from cases_case at the next start when empty
-- while cases exist (KpiRollup).
create table cases_kpi_month (
    filed_month      varchar(7)   not null,
    district_code    varchar(20)  not null,
    department       varchar(40)  not null,
    category         varchar(10)  not null,
    filed            bigint       not null,
    closed           bigint       not null,
    ontime           bigint       not null,
    responded        bigint       not null,
    evaluated        bigint       not null,
    satisfied        bigint       not null,
    handling_sum     bigint       not null,
    handling_n       bigint       not null,
    satisfaction_sum bigint       not null,
    primary key (filed_month, district_code, department, category)
);
