ALTER TABLE `chat_settings` ADD `ratings_enabled` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `conversations` ADD `resolved_at` integer;--> statement-breakpoint
ALTER TABLE `conversations` ADD `rating` integer;--> statement-breakpoint
ALTER TABLE `conversations` ADD `rating_comment` text(1000);--> statement-breakpoint
ALTER TABLE `conversations` ADD `rated_at` integer;