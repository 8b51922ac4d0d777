-- Hand-edited: SQLite cannot add a NOT NULL column without a default, and existing conversations need a random
-- public id each before the unique index can exist. New rows always get one from the app (randomBytes(16), hex).
ALTER TABLE `conversations` ADD `public_id` text(32) NOT NULL DEFAULT '';--> statement-breakpoint
UPDATE `conversations` SET `public_id` = lower(hex(randomblob(16)));--> statement-breakpoint
CREATE UNIQUE INDEX `conversations_public_id_uq` ON `conversations` (`public_id`);
