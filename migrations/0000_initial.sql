CREATE TABLE "admin_units" (
	"id" serial PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"kind" text NOT NULL,
	"parent_code" text,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"legal_basis" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "admin_units_interval_ck" CHECK ("admin_units"."valid_to" is null or "admin_units"."valid_to" > "admin_units"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "unit_lineage_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"kind" text NOT NULL,
	"effective_date" date NOT NULL,
	"legal_basis" text,
	"from_code" text NOT NULL,
	"to_code" text NOT NULL,
	"share" numeric(6, 5),
	"note" text
);
--> statement-breakpoint
CREATE TABLE "emulation_group_members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"group_id" uuid NOT NULL,
	"unit_code" text,
	"organisation_id" uuid
);
--> statement-breakpoint
CREATE TABLE "emulation_groups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "individuals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"full_name" text NOT NULL,
	"position" text,
	"role" text NOT NULL,
	"organisation_id" uuid,
	"unit_code" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"type" text NOT NULL,
	"unit_code" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"ip" text NOT NULL,
	"succeeded" boolean NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "role_assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"unit_code" text,
	"organisation_id" uuid
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"full_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"password_changed_at" timestamp with time zone,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"unit_code" text,
	"before" jsonb,
	"after" jsonb,
	"reason" text,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"round_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"is_current" boolean NOT NULL,
	"village_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"district_code" text,
	"area" text NOT NULL,
	"ethnic_minority" boolean NOT NULL,
	"female_head" boolean NOT NULL,
	"merit_or_social" boolean NOT NULL,
	"income_per_capita" bigint,
	"b1_score" integer,
	"deprivations" text[] DEFAULT '{}'::text[] NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"category" text NOT NULL,
	"reason" text NOT NULL,
	"standard_version" text NOT NULL,
	"transition" text NOT NULL,
	"stable_escape_years" integer,
	"is_amendment" boolean DEFAULT false NOT NULL,
	"amendment_reason" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "escape_registrations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"household_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"registered_on" date NOT NULL,
	"note" text,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"household_id" uuid NOT NULL,
	"full_name" text NOT NULL,
	"full_name_folded" text NOT NULL,
	"birth_date" date,
	"birth_year" integer NOT NULL,
	"sex" text NOT NULL,
	"relation" text NOT NULL,
	"citizen_id" text,
	"ethnicity" text,
	"facts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"code" text NOT NULL,
	"head_name" text NOT NULL,
	"head_name_folded" text NOT NULL,
	"village_code" text NOT NULL,
	"area" text NOT NULL,
	"ethnic_minority" boolean DEFAULT false NOT NULL,
	"female_head" boolean DEFAULT false NOT NULL,
	"has_merit_person" boolean DEFAULT false NOT NULL,
	"has_social_protection" boolean DEFAULT false NOT NULL,
	"dwelling" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"closed_on" date,
	"closed_reason" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "in_year_applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"household_id" uuid NOT NULL,
	"commune_code" text NOT NULL,
	"kind" text NOT NULL,
	"applied_on" date NOT NULL,
	"deadline_on" date NOT NULL,
	"decided_on" date,
	"outcome" text,
	"reason" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_rounds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"year" integer NOT NULL,
	"standard_id" text NOT NULL,
	"standard_version" text NOT NULL,
	"state" text NOT NULL,
	"opened_on" date NOT NULL,
	"decision_number" text,
	"decision_date" date,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_communes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"round_id" uuid NOT NULL,
	"commune_code" text NOT NULL,
	"state" text NOT NULL,
	"steps" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_bank_loans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"household_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"purpose" text NOT NULL,
	"disbursed_on" date NOT NULL,
	"due_on" date NOT NULL,
	"used_as_intended" boolean NOT NULL,
	"interest_on_time" boolean NOT NULL,
	"principal_on_time" boolean NOT NULL,
	"repaid_on" date,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_aggregates" (
	"province_code" text NOT NULL,
	"round_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" text,
	"total" integer NOT NULL,
	"poor" integer NOT NULL,
	"near_poor" integer NOT NULL,
	"data" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "round_aggregates_round_id_unit_code_pk" PRIMARY KEY("round_id","unit_code")
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"kind" text NOT NULL,
	"round_year" integer,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"file_bytes" integer NOT NULL,
	"state" text NOT NULL,
	"progress" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"issues" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"unit_code" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "emulation_group_members" ADD CONSTRAINT "emulation_group_members_group_id_emulation_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."emulation_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_group_members" ADD CONSTRAINT "emulation_group_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "individuals" ADD CONSTRAINT "individuals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escape_registrations" ADD CONSTRAINT "escape_registrations_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "in_year_applications" ADD CONSTRAINT "in_year_applications_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_communes" ADD CONSTRAINT "round_communes_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_bank_loans" ADD CONSTRAINT "social_bank_loans_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_aggregates" ADD CONSTRAINT "round_aggregates_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "admin_units_code_from_uq" ON "admin_units" USING btree ("code","valid_from");--> statement-breakpoint
CREATE INDEX "admin_units_parent_idx" ON "admin_units" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "unit_lineage_from_idx" ON "unit_lineage_events" USING btree ("from_code");--> statement-breakpoint
CREATE INDEX "unit_lineage_to_idx" ON "unit_lineage_events" USING btree ("to_code");--> statement-breakpoint
CREATE INDEX "emulation_group_members_group_idx" ON "emulation_group_members" USING btree ("group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "emulation_groups_year_name_uq" ON "emulation_groups" USING btree ("year","name");--> statement-breakpoint
CREATE INDEX "individuals_unit_idx" ON "individuals" USING btree ("unit_code");--> statement-breakpoint
CREATE INDEX "individuals_org_idx" ON "individuals" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "organisations_unit_idx" ON "organisations" USING btree ("unit_code");--> statement-breakpoint
CREATE INDEX "login_attempts_user_at_idx" ON "login_attempts" USING btree ("username","at");--> statement-breakpoint
CREATE INDEX "role_assignments_user_idx" ON "role_assignments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_round_household_rev_uq" ON "assessments" USING btree ("round_id","household_id","revision");--> statement-breakpoint
CREATE INDEX "assessments_current_idx" ON "assessments" USING btree ("round_id","commune_code") WHERE "assessments"."is_current";--> statement-breakpoint
CREATE INDEX "assessments_household_idx" ON "assessments" USING btree ("household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "escape_registrations_household_year_uq" ON "escape_registrations" USING btree ("household_id","year");--> statement-breakpoint
CREATE INDEX "household_members_household_idx" ON "household_members" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "household_members_citizen_idx" ON "household_members" USING btree ("citizen_id");--> statement-breakpoint
CREATE INDEX "household_members_folded_idx" ON "household_members" USING btree ("full_name_folded","birth_year");--> statement-breakpoint
CREATE UNIQUE INDEX "households_province_code_uq" ON "households" USING btree ("province_code","code");--> statement-breakpoint
CREATE INDEX "households_village_idx" ON "households" USING btree ("village_code");--> statement-breakpoint
CREATE INDEX "households_folded_idx" ON "households" USING btree ("head_name_folded");--> statement-breakpoint
CREATE INDEX "in_year_applications_commune_idx" ON "in_year_applications" USING btree ("commune_code");--> statement-breakpoint
CREATE UNIQUE INDEX "review_rounds_year_standard_uq" ON "review_rounds" USING btree ("province_code","year","standard_id");--> statement-breakpoint
CREATE UNIQUE INDEX "round_communes_round_commune_uq" ON "round_communes" USING btree ("round_id","commune_code");--> statement-breakpoint
CREATE INDEX "social_bank_loans_household_idx" ON "social_bank_loans" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "round_aggregates_parent_idx" ON "round_aggregates" USING btree ("round_id","parent_code");--> statement-breakpoint
CREATE INDEX "import_jobs_created_idx" ON "import_jobs" USING btree ("created_at");