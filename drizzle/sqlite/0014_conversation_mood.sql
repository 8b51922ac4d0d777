ALTER TABLE `conversations` ADD `mood` text;--> statement-breakpoint
ALTER TABLE `conversations` ADD `mood_at` integer;--> statement-breakpoint
CREATE INDEX `conversations_mood_last_message_idx` ON `conversations` (`mood`,`last_message_at`);