CREATE TABLE "ho_rfm_month" (
	"month" text PRIMARY KEY NOT NULL,
	"stamp" bigint NOT NULL,
	"buyers" integer NOT NULL,
	"segments" jsonb NOT NULL
);
