-- The duplicate check (CaseStore.earliestOpenNear) looks only at open, unmerged cases. Indexing only
-- those keeps its scan to the open cases of the category in a 100 m band, however many closed
-- cases the years pile up (with the full index it read every case ever reported in the band).
-- The predicate is the query's own, so the planner can use the index.
drop index cases_case_near;
create index cases_case_open_near on cases_case (category, lat, lon)
    where status not in ('REJECTED', 'CLOSED', 'EVALUATED') and merged_into is null;
