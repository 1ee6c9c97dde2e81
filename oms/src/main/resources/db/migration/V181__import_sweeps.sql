-- A run reads back a short overlap before the last watermark; every `oms.imports.overlap` one run (a sweep) reads back
-- the long overlap before the last sweep's watermark, which this column keeps. Null: the next run is a sweep.
alter table import_state add column swept_to timestamptz;
