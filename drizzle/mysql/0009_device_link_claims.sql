CREATE TABLE `device_link_claims` (
	`id` int AUTO_INCREMENT NOT NULL,
	`link_id` varchar(36) NOT NULL,
	`expires_at` datetime(3) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `device_link_claims_id` PRIMARY KEY(`id`),
	CONSTRAINT `device_link_claims_link_uq` UNIQUE(`link_id`)
);
--> statement-breakpoint
CREATE INDEX `device_link_claims_expires_idx` ON `device_link_claims` (`expires_at`);