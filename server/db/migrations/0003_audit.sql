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
CREATE INDEX "ho_audit_at_idx" ON "ho_audit" USING btree ("at");--> statement-breakpoint
CREATE INDEX "ho_audit_staff_idx" ON "ho_audit" USING btree ("staff_id","at");--> statement-breakpoint
CREATE INDEX "ho_audit_member_idx" ON "ho_audit" USING btree ("member_id","at");--> statement-breakpoint
CREATE INDEX "ho_audit_shop_idx" ON "ho_audit" USING btree ("shop_id","at");