CREATE TABLE `realtime_presence` (
	`id` int AUTO_INCREMENT NOT NULL,
	`channel` varchar(200) NOT NULL,
	`member_id` varchar(100) NOT NULL,
	`present` boolean NOT NULL,
	`changed_at` datetime(3) NOT NULL,
	CONSTRAINT `realtime_presence_id` PRIMARY KEY(`id`),
	CONSTRAINT `realtime_presence_channel_member_uq` UNIQUE(`channel`,`member_id`)
);
--> statement-breakpoint
CREATE TABLE `webhook_receipts` (
	`id` int AUTO_INCREMENT NOT NULL,
	`signature` varchar(64) NOT NULL,
	`received_at` datetime(3) NOT NULL,
	CONSTRAINT `webhook_receipts_id` PRIMARY KEY(`id`),
	CONSTRAINT `webhook_receipts_signature_uq` UNIQUE(`signature`)
);
--> statement-breakpoint
CREATE INDEX `webhook_receipts_received_idx` ON `webhook_receipts` (`received_at`);