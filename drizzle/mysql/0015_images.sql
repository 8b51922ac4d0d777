CREATE TABLE `uploads` (
	`id` varchar(32) NOT NULL,
	`conversation_id` int NOT NULL,
	`uploaded_by` enum('visitor','admin','ai') NOT NULL,
	`content_type` varchar(32) NOT NULL,
	`width` int NOT NULL,
	`height` int NOT NULL,
	`bytes` int NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `uploads_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
ALTER TABLE `messages` MODIFY COLUMN `handover_reason` enum('not_in_portfolio','asked_for_human','provider_failed','too_late','rate_limit','budget','upset','urgent','image');--> statement-breakpoint
ALTER TABLE `messages` ADD `upload_id` varchar(32);--> statement-breakpoint
ALTER TABLE `messages` ADD CONSTRAINT `messages_upload_uq` UNIQUE(`upload_id`);--> statement-breakpoint
ALTER TABLE `uploads` ADD CONSTRAINT `uploads_conversation_id_conversations_id_fk` FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `uploads_conversation_idx` ON `uploads` (`conversation_id`);