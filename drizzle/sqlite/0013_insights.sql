CREATE TABLE `ai_model_prices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`model` text(100) NOT NULL,
	`price_per_million` real NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ai_model_prices_model_uq` ON `ai_model_prices` (`model`);--> statement-breakpoint
DROP INDEX `ai_usage_day_uq`;--> statement-breakpoint
ALTER TABLE `ai_usage` ADD `model` text(100) DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `ai_usage_day_model_uq` ON `ai_usage` (`day`,`model`);--> statement-breakpoint
ALTER TABLE `messages` ADD `handover_reason` text;--> statement-breakpoint
-- Hand-overs stored before this column say why in their metadata (src/ai/reply.ts): they count in the insights too.
UPDATE `messages` SET `handover_reason` = CASE json_extract(`metadata`, '$.notice') WHEN 'human-requested' THEN 'asked_for_human' WHEN 'failure' THEN 'provider_failed' WHEN 'late' THEN 'too_late' WHEN 'rate-limit' THEN 'rate_limit' WHEN 'budget' THEN 'budget' ELSE 'not_in_portfolio' END WHERE `sender_type` = 'ai' AND json_extract(`metadata`, '$.handover') = 1;--> statement-breakpoint
CREATE INDEX `messages_handover_reason_created_idx` ON `messages` (`handover_reason`,`created_at`);--> statement-breakpoint
CREATE INDEX `conversations_created_idx` ON `conversations` (`created_at`);