CREATE TABLE "ho_admin_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ho_balance_flags" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"member_id" text NOT NULL,
	"balance_at_flag" integer NOT NULL,
	"terminal_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"flagged_at" bigint NOT NULL,
	"resolved_at" bigint
);
--> statement-breakpoint
CREATE TABLE "ho_cards" (
	"number" text PRIMARY KEY NOT NULL,
	"member_id" text NOT NULL,
	"status" text NOT NULL,
	"at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ho_changes" (
	"txid" bigint DEFAULT (pg_current_xact_id()::text::bigint) NOT NULL,
	"pos" bigserial NOT NULL,
	"kind" text NOT NULL,
	"entity_id" text NOT NULL,
	"origin_terminal_id" text,
	"payload" jsonb NOT NULL,
	CONSTRAINT "ho_changes_txid_pos_pk" PRIMARY KEY("txid","pos")
);
--> statement-breakpoint
CREATE TABLE "ho_day_closes" (
	"terminal_id" text NOT NULL,
	"business_day" text NOT NULL,
	"reported" jsonb NOT NULL,
	"computed" jsonb NOT NULL,
	"matches" boolean NOT NULL,
	"closed_at" bigint NOT NULL,
	CONSTRAINT "ho_day_closes_terminal_id_business_day_pk" PRIMARY KEY("terminal_id","business_day")
);
--> statement-breakpoint
CREATE TABLE "ho_enrolment_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"shop_id" text NOT NULL,
	"terminal_code" text NOT NULL,
	"created_at" bigint NOT NULL,
	"expires_at" bigint NOT NULL,
	"used_at" bigint,
	"used_by_terminal_id" text
);
--> statement-breakpoint
CREATE TABLE "ho_ledger" (
	"id" text PRIMARY KEY NOT NULL,
	"member_id" text NOT NULL,
	"kind" text NOT NULL,
	"delta" integer NOT NULL,
	"rule_version" integer,
	"campaign_id" text,
	"sale_id" text,
	"redemption_id" text,
	"terminal_id" text NOT NULL,
	"shop_id" text NOT NULL,
	"created_at" bigint NOT NULL,
	"txid" bigint DEFAULT (pg_current_xact_id()::text::bigint) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ho_members" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"phone" text NOT NULL,
	"birthday" text,
	"card_number" text NOT NULL,
	"home_shop_id" text,
	"origin_terminal_id" text NOT NULL,
	"offline_cap_points" integer,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	"txid" bigint DEFAULT (pg_current_xact_id()::text::bigint) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ho_quarantine" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"terminal_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"record_id" text NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb,
	"reason" text NOT NULL,
	"detail" text NOT NULL,
	"received_at" bigint NOT NULL,
	"resolved_at" bigint
);
--> statement-breakpoint
CREATE TABLE "ho_records" (
	"terminal_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"record_id" text NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"payload_hash" text NOT NULL,
	"status" text NOT NULL,
	"received_at" bigint NOT NULL,
	CONSTRAINT "ho_records_terminal_id_seq_pk" PRIMARY KEY("terminal_id","seq")
);
--> statement-breakpoint
CREATE TABLE "ho_redemptions" (
	"id" text PRIMARY KEY NOT NULL,
	"terminal_id" text NOT NULL,
	"shop_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"member_id" text NOT NULL,
	"reward_id" text NOT NULL,
	"quantity" integer NOT NULL,
	"points" integer NOT NULL,
	"business_day" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ho_rewards" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"points_cost" integer NOT NULL,
	"cash_value_minor" bigint NOT NULL,
	"stock" integer,
	"active" boolean NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "ho_rewards_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "ho_sale_lines" (
	"sale_id" text NOT NULL,
	"line_no" integer NOT NULL,
	"sku" text NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price_minor" bigint NOT NULL,
	"line_total_minor" bigint NOT NULL,
	"points" integer NOT NULL,
	CONSTRAINT "ho_sale_lines_sale_id_line_no_pk" PRIMARY KEY("sale_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "ho_sales" (
	"id" text PRIMARY KEY NOT NULL,
	"terminal_id" text NOT NULL,
	"shop_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"member_id" text,
	"card_number" text,
	"subtotal_minor" bigint NOT NULL,
	"discount_minor" bigint NOT NULL,
	"total_minor" bigint NOT NULL,
	"points_earned" integer NOT NULL,
	"points_spent" integer NOT NULL,
	"rule_version" integer NOT NULL,
	"currency" text NOT NULL,
	"business_day" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ho_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ho_shops" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ho_terminals" (
	"id" text PRIMARY KEY NOT NULL,
	"shop_id" text NOT NULL,
	"terminal_code" text NOT NULL,
	"name" text,
	"token_hash" text NOT NULL,
	"status" text NOT NULL,
	"enrolled_at" bigint NOT NULL,
	"revoked_at" bigint,
	"acked_seq" bigint DEFAULT 0 NOT NULL,
	"last_seen_at" bigint,
	"last_push_at" bigint,
	"reported_pending" integer,
	"oldest_pending_at" bigint
);
--> statement-breakpoint
ALTER TABLE "ho_balance_flags" ADD CONSTRAINT "ho_balance_flags_member_id_ho_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."ho_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ho_cards" ADD CONSTRAINT "ho_cards_member_id_ho_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."ho_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ho_day_closes" ADD CONSTRAINT "ho_day_closes_terminal_id_ho_terminals_id_fk" FOREIGN KEY ("terminal_id") REFERENCES "public"."ho_terminals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ho_enrolment_codes" ADD CONSTRAINT "ho_enrolment_codes_shop_id_ho_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."ho_shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ho_ledger" ADD CONSTRAINT "ho_ledger_member_id_ho_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."ho_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ho_records" ADD CONSTRAINT "ho_records_terminal_id_ho_terminals_id_fk" FOREIGN KEY ("terminal_id") REFERENCES "public"."ho_terminals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ho_redemptions" ADD CONSTRAINT "ho_redemptions_terminal_id_ho_terminals_id_fk" FOREIGN KEY ("terminal_id") REFERENCES "public"."ho_terminals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ho_redemptions" ADD CONSTRAINT "ho_redemptions_member_id_ho_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."ho_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ho_sale_lines" ADD CONSTRAINT "ho_sale_lines_sale_id_ho_sales_id_fk" FOREIGN KEY ("sale_id") REFERENCES "public"."ho_sales"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ho_sales" ADD CONSTRAINT "ho_sales_terminal_id_ho_terminals_id_fk" FOREIGN KEY ("terminal_id") REFERENCES "public"."ho_terminals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ho_sales" ADD CONSTRAINT "ho_sales_member_id_ho_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."ho_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ho_terminals" ADD CONSTRAINT "ho_terminals_shop_id_ho_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."ho_shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ho_balance_flags_open_uq" ON "ho_balance_flags" USING btree ("member_id") WHERE "ho_balance_flags"."resolved_at" IS NULL;--> statement-breakpoint
CREATE INDEX "ho_changes_kind_entity_idx" ON "ho_changes" USING btree ("kind","entity_id");--> statement-breakpoint
CREATE INDEX "ho_ledger_member_idx" ON "ho_ledger" USING btree ("member_id","txid");--> statement-breakpoint
CREATE INDEX "ho_members_phone_idx" ON "ho_members" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "ho_quarantine_terminal_idx" ON "ho_quarantine" USING btree ("terminal_id","seq");--> statement-breakpoint
CREATE INDEX "ho_redemptions_day_idx" ON "ho_redemptions" USING btree ("terminal_id","business_day");--> statement-breakpoint
CREATE INDEX "ho_sales_day_idx" ON "ho_sales" USING btree ("terminal_id","business_day");--> statement-breakpoint
CREATE UNIQUE INDEX "ho_terminals_code_uq" ON "ho_terminals" USING btree ("terminal_code");