CREATE TABLE `device_link_claims` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`link_id` text(36) NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `device_link_claims_link_uq` ON `device_link_claims` (`link_id`);--> statement-breakpoint
CREATE INDEX `device_link_claims_expires_idx` ON `device_link_claims` (`expires_at`);