CREATE TABLE `ai_model_prices` (
	`id` int AUTO_INCREMENT NOT NULL,
	`model` varchar(100) NOT NULL,
	`price_per_million` double NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `ai_model_prices_id` PRIMARY KEY(`id`),
	CONSTRAINT `ai_model_prices_model_uq` UNIQUE(`model`)
);
--> statement-breakpoint
ALTER TABLE `ai_usage` DROP INDEX `ai_usage_day_uq`;--> statement-breakpoint
ALTER TABLE `ai_usage` ADD `model` varchar(100) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `messages` ADD `handover_reason` enum('not_in_portfolio','asked_for_human','provider_failed','too_late','rate_limit','budget');--> statement-breakpoint
-- Hand-overs stored before this column say why in their metadata (src/ai/reply.ts): they count in the insights too.
-- JSON_VALUE would not do: MariaDB's gives 1 for true where MySQL's gives 'true'.
UPDATE `messages` SET `handover_reason` = CASE JSON_UNQUOTE(JSON_EXTRACT(`metadata`, '$.notice')) WHEN 'human-requested' THEN 'asked_for_human' WHEN 'failure' THEN 'provider_failed' WHEN 'late' THEN 'too_late' WHEN 'rate-limit' THEN 'rate_limit' WHEN 'budget' THEN 'budget' ELSE 'not_in_portfolio' END WHERE `sender_type` = 'ai' AND JSON_UNQUOTE(JSON_EXTRACT(`metadata`, '$.handover')) = 'true';--> statement-breakpoint
ALTER TABLE `ai_usage` ADD CONSTRAINT `ai_usage_day_model_uq` UNIQUE(`day`,`model`);--> statement-breakpoint
CREATE INDEX `conversations_created_idx` ON `conversations` (`created_at`);--> statement-breakpoint
CREATE INDEX `messages_handover_reason_created_idx` ON `messages` (`handover_reason`,`created_at`);