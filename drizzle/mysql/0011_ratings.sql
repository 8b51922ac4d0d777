ALTER TABLE `chat_settings` ADD `ratings_enabled` boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `conversations` ADD `resolved_at` datetime(3);--> statement-breakpoint
ALTER TABLE `conversations` ADD `rating` int;--> statement-breakpoint
ALTER TABLE `conversations` ADD `rating_comment` varchar(1000);--> statement-breakpoint
ALTER TABLE `conversations` ADD `rated_at` datetime(3);