CREATE TABLE `about` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text(255) NOT NULL,
	`title` text(255) NOT NULL,
	`location` text(255) NOT NULL,
	`narrative_title` text(255) NOT NULL,
	`narrative_content` text NOT NULL,
	`core_values` text NOT NULL,
	`interests` text NOT NULL,
	`email` text(255),
	`availability` text,
	`is_sample` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `career` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` text(100) NOT NULL,
	`title` text(255) NOT NULL,
	`subtitle` text(255) NOT NULL,
	`description` text NOT NULL,
	`tech_stack` text NOT NULL,
	`key_projects` text NOT NULL,
	`project_list` text NOT NULL,
	`bullet_points` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`is_sample` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `chat_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text(64) NOT NULL,
	`visitor_id` text(100) NOT NULL,
	`conversation_id` integer,
	`ip_address` text(45),
	`user_agent` text(512),
	`page_url` text(2048),
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `chat_sessions_token_hash_uq` ON `chat_sessions` (`token_hash`);--> statement-breakpoint
CREATE INDEX `chat_sessions_conversation_idx` ON `chat_sessions` (`conversation_id`);--> statement-breakpoint
CREATE INDEX `chat_sessions_expires_idx` ON `chat_sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `chat_settings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ai_enabled` integer DEFAULT true NOT NULL,
	`ai_provider` text DEFAULT 'local' NOT NULL,
	`ai_model` text(100) DEFAULT 'gpt-4o-mini' NOT NULL,
	`ai_temperature` real DEFAULT 0.7 NOT NULL,
	`ai_system_prompt` text,
	`welcome_message` text,
	`offline_message` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `conversations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`visitor_id` text(100) NOT NULL,
	`visitor_name` text(255),
	`visitor_email` text(255),
	`status` text DEFAULT 'active' NOT NULL,
	`is_ai_handled` integer DEFAULT true NOT NULL,
	`needs_human` integer DEFAULT false NOT NULL,
	`last_message_at` integer NOT NULL,
	`visitor_last_seen_at` integer,
	`admin_last_seen_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `conversations_status_last_message_idx` ON `conversations` (`status`,`last_message_at`);--> statement-breakpoint
CREATE INDEX `conversations_last_message_idx` ON `conversations` (`last_message_at`);--> statement-breakpoint
CREATE INDEX `conversations_visitor_idx` ON `conversations` (`visitor_id`);--> statement-breakpoint
CREATE TABLE `messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`conversation_id` integer NOT NULL,
	`sender_type` text NOT NULL,
	`sender_id` integer,
	`content` text NOT NULL,
	`client_message_id` text(64),
	`status` text DEFAULT 'sent' NOT NULL,
	`read_at` integer,
	`metadata` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `messages_conversation_id_idx` ON `messages` (`conversation_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `messages_conversation_client_message_uq` ON `messages` (`conversation_id`,`client_message_id`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text(255) NOT NULL,
	`description` text NOT NULL,
	`tech_stack` text NOT NULL,
	`year` text(50),
	`url` text(2048),
	`repo_url` text(2048),
	`sort_order` integer DEFAULT 0 NOT NULL,
	`is_sample` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tech_stack` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text(255) NOT NULL,
	`description` text NOT NULL,
	`category` text(100),
	`icon_name` text(255) NOT NULL,
	`icon_color` text(50) NOT NULL,
	`bg_color` text(50) NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`is_sample` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text(255) NOT NULL,
	`email` text(255) NOT NULL,
	`password_hash` text(255) NOT NULL,
	`last_login_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);