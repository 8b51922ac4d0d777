CREATE TABLE `saved_replies` (
	`id` int AUTO_INCREMENT NOT NULL,
	`title` varchar(100) NOT NULL,
	`text` text NOT NULL,
	`shortcut` varchar(32),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `saved_replies_id` PRIMARY KEY(`id`),
	CONSTRAINT `saved_replies_shortcut_uq` UNIQUE(`shortcut`)
);
