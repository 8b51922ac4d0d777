CREATE TABLE `email_unsubscribes` (
	`id` int AUTO_INCREMENT NOT NULL,
	`conversation_id` varchar(32) NOT NULL,
	`email` varchar(255) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `email_unsubscribes_id` PRIMARY KEY(`id`),
	CONSTRAINT `email_unsubscribes_conversation_email_uq` UNIQUE(`conversation_id`,`email`)
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` int AUTO_INCREMENT NOT NULL,
	`kind` enum('owner_messages','owner_handover','owner_summary','visitor_reply') NOT NULL,
	`conversation_id` varchar(32),
	`dedupe_key` varchar(100),
	`status` enum('pending','sent','failed','skipped') NOT NULL DEFAULT 'pending',
	`due_at` datetime(3) NOT NULL,
	`attempts` int NOT NULL DEFAULT 0,
	`claim_token` varchar(36),
	`claimed_until` datetime(3),
	`up_to_message_id` int,
	`recipient` varchar(255),
	`last_error` text,
	`created_at` datetime(3) NOT NULL,
	`sent_at` datetime(3),
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `notifications_id` PRIMARY KEY(`id`),
	CONSTRAINT `notifications_dedupe_key_uq` UNIQUE(`dedupe_key`)
);
--> statement-breakpoint
ALTER TABLE `chat_settings` ADD `notify_enabled` boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `chat_settings` ADD `notify_only_handovers` boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `chat_settings` ADD `notify_after_seconds` int;--> statement-breakpoint
ALTER TABLE `chat_settings` ADD `notify_digest_minutes` int;--> statement-breakpoint
CREATE INDEX `notifications_status_due_idx` ON `notifications` (`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `notifications_conversation_idx` ON `notifications` (`conversation_id`,`kind`);--> statement-breakpoint
CREATE INDEX `notifications_sent_idx` ON `notifications` (`sent_at`);