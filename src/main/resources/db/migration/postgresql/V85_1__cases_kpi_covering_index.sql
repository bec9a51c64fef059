-- KPIs over a period (docs/cases.md): whole months come from the roll-up, the partial months at the
-- edges are summed from the cases. This index holds every column those sums read, so PostgreSQL
-- answers them by an index-only scan of the period's entries instead of fetching each case's row
-- (over ten million cases: a few hundred milliseconds rather than seconds). It replaces the plain
-- index on filed_at, which only these queries used. (V85: after every module's range, so databases
-- already at V80 take it in order.)
drop index cases_case_filed;
create index cases_case_kpi on cases_case (filed_at)
    include (district_code, department, category, status, handled_on_time, accepted_at, handled_at, satisfaction,
             handling_seconds)
    where filed_at is not null;
