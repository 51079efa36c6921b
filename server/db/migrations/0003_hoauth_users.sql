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
ALTER TABLE "ho_sessions" ADD CONSTRAINT "ho_sessions_user_id_ho_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."ho_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ho_sessions_user_idx" ON "ho_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ho_admin_tokens_id_uq" ON "ho_admin_tokens" USING btree ("id");