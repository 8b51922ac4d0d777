CREATE TABLE `email_unsubscribes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`conversation_id` text(32) NOT NULL,
	`email` text(255) NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `email_unsubscribes_conversation_email_uq` ON `email_unsubscribes` (`conversation_id`,`email`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`conversation_id` text(32),
	`dedupe_key` text(100),
	`status` text DEFAULT 'pending' NOT NULL,
	`due_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`claim_token` text(36),
	`claimed_until` integer,
	`up_to_message_id` integer,
	`recipient` text(255),
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_dedupe_key_uq` ON `notifications` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `notifications_status_due_idx` ON `notifications` (`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `notifications_conversation_idx` ON `notifications` (`conversation_id`,`kind`);--> statement-breakpoint
CREATE INDEX `notifications_sent_idx` ON `notifications` (`sent_at`);--> statement-breakpoint
ALTER TABLE `chat_settings` ADD `notify_enabled` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `chat_settings` ADD `notify_only_handovers` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `chat_settings` ADD `notify_after_seconds` integer;--> statement-breakpoint
ALTER TABLE `chat_settings` ADD `notify_digest_minutes` integer;