CREATE TABLE `realtime_presence` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel` text(200) NOT NULL,
	`member_id` text(100) NOT NULL,
	`present` integer NOT NULL,
	`changed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `realtime_presence_channel_member_uq` ON `realtime_presence` (`channel`,`member_id`);--> statement-breakpoint
CREATE TABLE `webhook_receipts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`signature` text(64) NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `webhook_receipts_signature_uq` ON `webhook_receipts` (`signature`);--> statement-breakpoint
CREATE INDEX `webhook_receipts_received_idx` ON `webhook_receipts` (`received_at`);