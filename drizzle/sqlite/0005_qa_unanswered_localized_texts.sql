CREATE TABLE `portfolio_qa` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`question` text NOT NULL,
	`answer` text NOT NULL,
	`language` text,
	`published` integer DEFAULT true NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`is_sample` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `unanswered_questions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`text` text NOT NULL,
	`normalized` text NOT NULL,
	`language` text NOT NULL,
	`reason` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`count` integer DEFAULT 1 NOT NULL,
	`conversation_ids` text NOT NULL,
	`first_asked_at` integer NOT NULL,
	`last_asked_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `unanswered_questions_status_last_asked_idx` ON `unanswered_questions` (`status`,`last_asked_at`);--> statement-breakpoint
CREATE INDEX `unanswered_questions_last_asked_idx` ON `unanswered_questions` (`last_asked_at`);--> statement-breakpoint
ALTER TABLE `chat_settings` ADD `welcome_message_indonesian` text;--> statement-breakpoint
ALTER TABLE `chat_settings` ADD `offline_message_indonesian` text;--> statement-breakpoint
UPDATE `chat_settings` SET `welcome_message_indonesian` = 'Hai! 👋 Tanyakan apa saja tentang pekerjaan saya, atau tinggalkan pesan dan saya akan membalasnya.' WHERE `welcome_message` = 'Hi! 👋 Ask me anything about my work, or leave a message and I''ll get back to you.';--> statement-breakpoint
UPDATE `chat_settings` SET `offline_message_indonesian` = 'Saya sedang tidak online. Tinggalkan pesan dan saya akan membalas secepatnya.' WHERE `offline_message` = 'I''m not online right now. Leave a message and I''ll reply as soon as I can.';
