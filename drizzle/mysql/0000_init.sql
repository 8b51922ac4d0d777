CREATE TABLE `about` (
	`id` int AUTO_INCREMENT NOT NULL,
	`name` varchar(255) NOT NULL,
	`title` varchar(255) NOT NULL,
	`location` varchar(255) NOT NULL,
	`narrative_title` varchar(255) NOT NULL,
	`narrative_content` text NOT NULL,
	`core_values` json NOT NULL,
	`interests` json NOT NULL,
	`email` varchar(255),
	`availability` text,
	`is_sample` boolean NOT NULL DEFAULT false,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `about_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `career` (
	`id` int AUTO_INCREMENT NOT NULL,
	`year` varchar(100) NOT NULL,
	`title` varchar(255) NOT NULL,
	`subtitle` varchar(255) NOT NULL,
	`description` text NOT NULL,
	`tech_stack` json NOT NULL,
	`key_projects` json NOT NULL,
	`project_list` json NOT NULL,
	`bullet_points` json NOT NULL,
	`sort_order` int NOT NULL DEFAULT 0,
	`is_sample` boolean NOT NULL DEFAULT false,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `career_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `chat_sessions` (
	`id` int AUTO_INCREMENT NOT NULL,
	`token_hash` varchar(64) NOT NULL,
	`visitor_id` varchar(100) NOT NULL,
	`conversation_id` int,
	`ip_address` varchar(45),
	`user_agent` varchar(512),
	`page_url` varchar(2048),
	`created_at` datetime(3) NOT NULL,
	`last_seen_at` datetime(3) NOT NULL,
	`expires_at` datetime(3) NOT NULL,
	CONSTRAINT `chat_sessions_id` PRIMARY KEY(`id`),
	CONSTRAINT `chat_sessions_token_hash_uq` UNIQUE(`token_hash`)
);
--> statement-breakpoint
CREATE TABLE `chat_settings` (
	`id` int AUTO_INCREMENT NOT NULL,
	`ai_enabled` boolean NOT NULL DEFAULT true,
	`ai_provider` enum('local','openai','openai-compatible') NOT NULL DEFAULT 'local',
	`ai_model` varchar(100) NOT NULL DEFAULT 'gpt-4o-mini',
	`ai_temperature` double NOT NULL DEFAULT 0.7,
	`ai_system_prompt` text,
	`welcome_message` text,
	`offline_message` text,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `chat_settings_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `conversations` (
	`id` int AUTO_INCREMENT NOT NULL,
	`visitor_id` varchar(100) NOT NULL,
	`visitor_name` varchar(255),
	`visitor_email` varchar(255),
	`status` enum('active','resolved','closed') NOT NULL DEFAULT 'active',
	`is_ai_handled` boolean NOT NULL DEFAULT true,
	`needs_human` boolean NOT NULL DEFAULT false,
	`last_message_at` datetime(3) NOT NULL,
	`visitor_last_seen_at` datetime(3),
	`admin_last_seen_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `conversations_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `messages` (
	`id` int AUTO_INCREMENT NOT NULL,
	`conversation_id` int NOT NULL,
	`sender_type` enum('visitor','admin','ai') NOT NULL,
	`sender_id` int,
	`content` text NOT NULL,
	`client_message_id` varchar(64),
	`status` enum('sent','delivered','read','failed') NOT NULL DEFAULT 'sent',
	`read_at` datetime(3),
	`metadata` json,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `messages_id` PRIMARY KEY(`id`),
	CONSTRAINT `messages_conversation_client_message_uq` UNIQUE(`conversation_id`,`client_message_id`)
);
--> statement-breakpoint
CREATE TABLE `projects` (
	`id` int AUTO_INCREMENT NOT NULL,
	`name` varchar(255) NOT NULL,
	`description` text NOT NULL,
	`tech_stack` json NOT NULL,
	`year` varchar(50),
	`url` varchar(2048),
	`repo_url` varchar(2048),
	`sort_order` int NOT NULL DEFAULT 0,
	`is_sample` boolean NOT NULL DEFAULT false,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `projects_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `tech_stack` (
	`id` int AUTO_INCREMENT NOT NULL,
	`title` varchar(255) NOT NULL,
	`description` text NOT NULL,
	`category` varchar(100),
	`icon_name` varchar(255) NOT NULL,
	`icon_color` varchar(50) NOT NULL,
	`bg_color` varchar(50) NOT NULL,
	`sort_order` int NOT NULL DEFAULT 0,
	`is_sample` boolean NOT NULL DEFAULT false,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `tech_stack_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` int AUTO_INCREMENT NOT NULL,
	`name` varchar(255) NOT NULL,
	`email` varchar(255) NOT NULL,
	`password_hash` varchar(255) NOT NULL,
	`last_login_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `users_id` PRIMARY KEY(`id`),
	CONSTRAINT `users_email_unique` UNIQUE(`email`)
);
--> statement-breakpoint
ALTER TABLE `chat_sessions` ADD CONSTRAINT `chat_sessions_conversation_id_conversations_id_fk` FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `messages` ADD CONSTRAINT `messages_conversation_id_conversations_id_fk` FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `chat_sessions_conversation_idx` ON `chat_sessions` (`conversation_id`);--> statement-breakpoint
CREATE INDEX `chat_sessions_expires_idx` ON `chat_sessions` (`expires_at`);--> statement-breakpoint
CREATE INDEX `conversations_status_last_message_idx` ON `conversations` (`status`,`last_message_at`);--> statement-breakpoint
CREATE INDEX `conversations_last_message_idx` ON `conversations` (`last_message_at`);--> statement-breakpoint
CREATE INDEX `conversations_visitor_idx` ON `conversations` (`visitor_id`);--> statement-breakpoint
CREATE INDEX `messages_conversation_id_idx` ON `messages` (`conversation_id`,`id`);