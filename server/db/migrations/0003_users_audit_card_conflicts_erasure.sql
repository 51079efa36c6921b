CREATE TABLE "ho_audit" (
	"terminal_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"id" text NOT NULL,
	"shop_id" text NOT NULL,
	"at" bigint NOT NULL,
	"staff_id" text,
	"action" text NOT NULL,
	"member_id" text,
	"subject" text,
	"details_json" text NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"problem" text,
	CONSTRAINT "ho_audit_terminal_id_seq_pk" PRIMARY KEY("terminal_id","seq")
);
--> statement-breakpoint
CREATE TABLE "ho_audit_chains" (
	"terminal_id" text PRIMARY KEY NOT NULL,
	"shop_id" text NOT NULL,
	"last_seq" bigint NOT NULL,
	"last_hash" text NOT NULL,
	"rows" bigint NOT NULL,
	"problems" integer DEFAULT 0 NOT NULL,
	"first_problem_seq" bigint,
	"first_problem" text,
	"last_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ho_card_conflicts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"card_number" text NOT NULL,
	"member_id" text NOT NULL,
	"holder_member_id" text NOT NULL,
	"terminal_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ho_sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" bigint NOT NULL,
	"expires_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ho_users" (
	"id" text PRIMARY KEY NOT NULL,
	"login" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"shops" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"password_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	"last_sign_in_at" bigint,
	CONSTRAINT "ho_users_login_unique" UNIQUE("login")
);
--> statement-breakpoint
ALTER TABLE "ho_admin_tokens" ADD COLUMN "id" text DEFAULT (gen_random_uuid()::text) NOT NULL;--> statement-breakpoint
ALTER TABLE "ho_admin_tokens" ADD COLUMN "role" text DEFAULT 'owner' NOT NULL;--> statement-breakpoint
ALTER TABLE "ho_admin_tokens" ADD COLUMN "shops" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "ho_members" ADD COLUMN "erased_at" bigint;--> statement-breakpoint
ALTER TABLE "ho_sessions" ADD CONSTRAINT "ho_sessions_user_id_ho_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."ho_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ho_audit_at_idx" ON "ho_audit" USING btree ("at");--> statement-breakpoint
CREATE INDEX "ho_audit_staff_idx" ON "ho_audit" USING btree ("staff_id","at");--> statement-breakpoint
CREATE INDEX "ho_audit_member_idx" ON "ho_audit" USING btree ("member_id","at");--> statement-breakpoint
CREATE INDEX "ho_audit_shop_idx" ON "ho_audit" USING btree ("shop_id","at");--> statement-breakpoint
CREATE INDEX "ho_card_conflicts_card_idx" ON "ho_card_conflicts" USING btree ("card_number");--> statement-breakpoint
CREATE INDEX "ho_sessions_user_idx" ON "ho_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ho_admin_tokens_id_uq" ON "ho_admin_tokens" USING btree ("id");