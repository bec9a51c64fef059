-- A contact or address of 300 characters outside the BMP seals to about 1,650 characters.
alter table participation_opinion alter column submitter_contact set data type varchar(2000);
