CREATE TABLE `admin_invitations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`link_id` text(36) NOT NULL,
	`email` text(255) NOT NULL,
	`invited_by` integer,
	`expires_at` integer NOT NULL,
	`accepted_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`invited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `admin_invitations_link_uq` ON `admin_invitations` (`link_id`);--> statement-breakpoint
ALTER TABLE `conversations` ADD `assigned_admin_id` integer REFERENCES users(id) ON DELETE SET NULL;--> statement-breakpoint
CREATE INDEX `conversations_assigned_idx` ON `conversations` (`assigned_admin_id`,`last_message_at`);