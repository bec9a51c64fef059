-- A report's media (Open311 GeoReport v2's media_url, the API's mediaUrl): the address of a photo or
-- video the reporter published elsewhere. Stored as given (checked to be an http or https URL) and
-- shown as a link, never fetched or embedded by the platform.
alter table cases_case add column media_url varchar(2048);
