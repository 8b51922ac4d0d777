-- Hand-edited: existing conversations need a random public id each before the unique constraint can exist.
-- RANDOM_BYTES is missing before MariaDB 10.10, so the backfill hashes the row's secret visitor id (a server-side
-- random UUID that never leaves the server) with UUID() and RAND(): 32 hex characters nobody outside can derive.
-- New rows always get one from the app (randomBytes(16), hex).
ALTER TABLE `conversations` ADD `public_id` varchar(32);--> statement-breakpoint
UPDATE `conversations` SET `public_id` = lower(left(sha2(concat(`visitor_id`, ':', `id`, ':', uuid(), ':', rand()), 256), 32));--> statement-breakpoint
ALTER TABLE `conversations` MODIFY `public_id` varchar(32) NOT NULL;--> statement-breakpoint
ALTER TABLE `conversations` ADD CONSTRAINT `conversations_public_id_uq` UNIQUE(`public_id`);
