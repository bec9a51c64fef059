-- Case numbers are taken from the sequence fifty at a time (CaseStore.ID_BLOCK): one round trip per
-- block instead of one per case. Numbers stay unique; they may leave gaps.
alter sequence cases_number increment by 50;
