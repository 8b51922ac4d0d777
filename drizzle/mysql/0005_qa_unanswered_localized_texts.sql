CREATE TABLE `portfolio_qa` (
	`id` int AUTO_INCREMENT NOT NULL,
	`question` text NOT NULL,
	`answer` text NOT NULL,
	`language` enum('en','id'),
	`published` boolean NOT NULL DEFAULT true,
	`sort_order` int NOT NULL DEFAULT 0,
	`is_sample` boolean NOT NULL DEFAULT false,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `portfolio_qa_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `unanswered_questions` (
	`id` int AUTO_INCREMENT NOT NULL,
	`text` text NOT NULL,
	`normalized` text NOT NULL,
	`language` enum('en','id') NOT NULL,
	`reason` enum('not_in_portfolio','asked_for_human','provider_failed','limit') NOT NULL,
	`status` enum('open','done','dismissed') NOT NULL DEFAULT 'open',
	`count` int NOT NULL DEFAULT 1,
	`conversation_ids` json NOT NULL,
	`first_asked_at` datetime(3) NOT NULL,
	`last_asked_at` datetime(3) NOT NULL,
	CONSTRAINT `unanswered_questions_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
ALTER TABLE `chat_settings` ADD `welcome_message_indonesian` text;--> statement-breakpoint
ALTER TABLE `chat_settings` ADD `offline_message_indonesian` text;--> statement-breakpoint
CREATE INDEX `unanswered_questions_status_last_asked_idx` ON `unanswered_questions` (`status`,`last_asked_at`);--> statement-breakpoint
CREATE INDEX `unanswered_questions_last_asked_idx` ON `unanswered_questions` (`last_asked_at`);--> statement-breakpoint
UPDATE `chat_settings` SET `welcome_message_indonesian` = 'Hai! 👋 Tanyakan apa saja tentang pekerjaan saya, atau tinggalkan pesan dan saya akan membalasnya.' WHERE `welcome_message` = 'Hi! 👋 Ask me anything about my work, or leave a message and I''ll get back to you.';--> statement-breakpoint
UPDATE `chat_settings` SET `offline_message_indonesian` = 'Saya sedang tidak online. Tinggalkan pesan dan saya akan membalas secepatnya.' WHERE `offline_message` = 'I''m not online right now. Leave a message and I''ll reply as soon as I can.';
