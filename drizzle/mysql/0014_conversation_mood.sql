ALTER TABLE `messages` MODIFY COLUMN `handover_reason` enum('not_in_portfolio','asked_for_human','provider_failed','too_late','rate_limit','budget','upset','urgent');--> statement-breakpoint
ALTER TABLE `conversations` ADD `mood` enum('upset','urgent');--> statement-breakpoint
ALTER TABLE `conversations` ADD `mood_at` datetime(3);--> statement-breakpoint
CREATE INDEX `conversations_mood_last_message_idx` ON `conversations` (`mood`,`last_message_at`);