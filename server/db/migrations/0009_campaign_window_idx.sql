CREATE INDEX "ho_members_created_idx" ON "ho_members" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "ho_sales_created_idx" ON "ho_sales" USING btree ("created_at");