CREATE TABLE `uploads` (
	`id` text(32) PRIMARY KEY NOT NULL,
	`conversation_id` integer NOT NULL,
	`uploaded_by` text NOT NULL,
	`content_type` text(32) NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`bytes` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `uploads_conversation_idx` ON `uploads` (`conversation_id`);--> statement-breakpoint
ALTER TABLE `messages` ADD `upload_id` text(32);--> statement-breakpoint
CREATE UNIQUE INDEX `messages_upload_uq` ON `messages` (`upload_id`);