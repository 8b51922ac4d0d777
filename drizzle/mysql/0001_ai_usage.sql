CREATE TABLE `ai_usage` (
	`id` int AUTO_INCREMENT NOT NULL,
	`day` varchar(10) NOT NULL,
	`tokens` int NOT NULL DEFAULT 0,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `ai_usage_id` PRIMARY KEY(`id`),
	CONSTRAINT `ai_usage_day_uq` UNIQUE(`day`)
);
