CREATE TABLE `admin_invitations` (
	`id` int AUTO_INCREMENT NOT NULL,
	`link_id` varchar(36) NOT NULL,
	`email` varchar(255) NOT NULL,
	`invited_by` int,
	`expires_at` datetime(3) NOT NULL,
	`accepted_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `admin_invitations_id` PRIMARY KEY(`id`),
	CONSTRAINT `admin_invitations_link_uq` UNIQUE(`link_id`)
);
--> statement-breakpoint
ALTER TABLE `conversations` ADD `assigned_admin_id` int;--> statement-breakpoint
ALTER TABLE `admin_invitations` ADD CONSTRAINT `admin_invitations_invited_by_users_id_fk` FOREIGN KEY (`invited_by`) REFERENCES `users`(`id`) ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `conversations` ADD CONSTRAINT `conversations_assigned_admin_id_users_id_fk` FOREIGN KEY (`assigned_admin_id`) REFERENCES `users`(`id`) ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `conversations_assigned_idx` ON `conversations` (`assigned_admin_id`,`last_message_at`);