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
CREATE TABLE "report_consolidations" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"narrative" jsonb NOT NULL,
	"particulars" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	"updated_by_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"template_id" uuid NOT NULL,
	"round_year" integer NOT NULL,
	"issuing_unit_code" text NOT NULL,
	"issued_on" date NOT NULL,
	"deadline" date NOT NULL,
	"recipients_spec" jsonb NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "report_submission_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"submission_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"note" text,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_submissions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"request_id" uuid NOT NULL,
	"unit_code" text,
	"organisation_id" uuid,
	"recipient_name" text NOT NULL,
	"recipient_level" text NOT NULL,
	"reviewer_unit_code" text NOT NULL,
	"deadline" date NOT NULL,
	"state" text NOT NULL,
	"content" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"first_submitted_at" timestamp with time zone,
	"last_submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"approved_by" uuid,
	"approved_by_name" text,
	"approved_figures" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_templates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"sections" jsonb NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "emulation_campaigns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"seed_key" text,
	"name" text NOT NULL,
	"short_name" text,
	"legal_basis" text NOT NULL,
	"period_from" integer NOT NULL,
	"period_to" integer NOT NULL,
	"participant_types" text[] NOT NULL,
	"target_rule_set_id" text NOT NULL,
	"target_rule_set_version" integer NOT NULL,
	"copied_from_id" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emulation_criteria" (
	"id" uuid PRIMARY KEY NOT NULL,
	"criteria_set_id" uuid NOT NULL,
	"code" text NOT NULL,
	"text" text NOT NULL,
	"max_points" numeric(8, 2) NOT NULL,
	"kind" text NOT NULL,
	"formula_id" text,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"feeds" text[] DEFAULT '{}'::text[] NOT NULL,
	"sort_order" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emulation_criteria_sets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"campaign_id" uuid NOT NULL,
	"participant_type" text NOT NULL,
	"version" integer NOT NULL,
	"is_current" boolean NOT NULL,
	"note" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emulation_exemplars" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"unit_code" text NOT NULL,
	"organisation_id" uuid,
	"individual_id" uuid,
	"household_id" uuid,
	"campaign_id" uuid,
	"year" integer NOT NULL,
	"story" text NOT NULL,
	"criterion_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"search_text" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emulation_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"registration_id" uuid,
	"unit_code" text NOT NULL,
	"organisation_id" uuid,
	"original_name" text NOT NULL,
	"stored_path" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emulation_initiatives" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"title" text NOT NULL,
	"author_name" text NOT NULL,
	"unit_code" text NOT NULL,
	"organisation_id" uuid,
	"recognised_on" date NOT NULL,
	"recognised_level" text NOT NULL,
	"summary" text,
	"criterion_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"search_text" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emulation_joint_pledges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"round_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"signed_on" date NOT NULL,
	"place" text,
	"pledges" jsonb NOT NULL,
	"signatories" jsonb NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emulation_models" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"name" text NOT NULL,
	"started_unit_code" text NOT NULL,
	"organisation_id" uuid,
	"started_on" date NOT NULL,
	"description" text,
	"replications" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"households_reached" integer NOT NULL,
	"results" text,
	"criterion_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"search_text" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emulation_registrations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"round_id" uuid NOT NULL,
	"participant_type" text NOT NULL,
	"participant_kind" text NOT NULL,
	"participant_key" text NOT NULL,
	"participant_name" text NOT NULL,
	"unit_code" text NOT NULL,
	"organisation_id" uuid,
	"individual_id" uuid,
	"household_id" uuid,
	"registered_on" date NOT NULL,
	"pledges" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"registered_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emulation_round_criteria_sets" (
	"round_id" uuid NOT NULL,
	"participant_type" text NOT NULL,
	"criteria_set_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emulation_rounds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"campaign_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"measure_from_year" integer NOT NULL,
	"measure_to_year" integer NOT NULL,
	"self_assessment_from" date NOT NULL,
	"self_assessment_to" date NOT NULL,
	"verification_until" date NOT NULL,
	"council_scoring_on" date NOT NULL,
	"publication_on" date NOT NULL,
	"ceremony_on" date,
	"published_at" timestamp with time zone,
	"published_by" text,
	"last_recomputed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emulation_scores" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"round_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"measured_status" text,
	"measured_points" numeric(8, 2),
	"measured_explanation" text,
	"measured_inputs" jsonb,
	"measured_version" text,
	"measured_at" timestamp with time zone,
	"self_points" numeric(8, 2),
	"self_note" text,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"self_by" text,
	"self_at" timestamp with time zone,
	"verification_decision" text,
	"verified_points" numeric(8, 2),
	"verification_reason" text,
	"verified_by" text,
	"verified_on" date,
	"council_points" numeric(8, 2),
	"council_note" text,
	"council_by" text,
	"council_on" date,
	"adjusted_points" numeric(8, 2),
	"adjusted_from_points" numeric(8, 2),
	"adjustment_reason" text,
	"adjusted_by" text,
	"adjusted_on" date,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emulation_unit_targets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"campaign_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"year" integer NOT NULL,
	"required_reduction" numeric(6, 2) NOT NULL,
	"reason" text NOT NULL,
	"set_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_contributions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"fund_unit_code" text NOT NULL,
	"period_id" uuid NOT NULL,
	"donor_name" text NOT NULL,
	"donor_kind" text NOT NULL,
	"donor_organisation_id" uuid,
	"donor_unit_code" text,
	"agrees_to_be_named" boolean NOT NULL,
	"form" text NOT NULL,
	"kind_description" text,
	"value" bigint NOT NULL,
	"received_on" date NOT NULL,
	"receipt_number" text NOT NULL,
	"note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_direct_gifts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"fund_unit_code" text NOT NULL,
	"period_id" uuid NOT NULL,
	"donor_name" text NOT NULL,
	"donor_organisation_id" uuid,
	"donor_unit_code" text,
	"agrees_to_be_named" boolean NOT NULL,
	"household_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"form" text NOT NULL,
	"description" text,
	"value" bigint NOT NULL,
	"given_on" date NOT NULL,
	"reported_on" date NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_disbursements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"fund_unit_code" text NOT NULL,
	"period_id" uuid NOT NULL,
	"beneficiary_kind" text NOT NULL,
	"household_id" uuid,
	"project_name" text,
	"purpose" text NOT NULL,
	"value" bigint NOT NULL,
	"disbursed_on" date NOT NULL,
	"decision_number" text,
	"note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_periods" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"fund_unit_code" text NOT NULL,
	"name" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"peak_from" date,
	"peak_to" date,
	"opening_balance" bigint,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_activities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"supporter_kind" text NOT NULL,
	"supporter_name" text NOT NULL,
	"supporter_unit_code" text NOT NULL,
	"supporter_organisation_id" uuid,
	"supporter_household_id" uuid,
	"target_kind" text NOT NULL,
	"target_household_id" uuid,
	"target_unit_code" text NOT NULL,
	"kind" text NOT NULL,
	"quantity" integer DEFAULT 0 NOT NULL,
	"value" bigint DEFAULT 0 NOT NULL,
	"occurred_on" date NOT NULL,
	"description" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "award_batch_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"batch_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"from_stage" text NOT NULL,
	"to_stage" text NOT NULL,
	"note" text,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "award_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"campaign_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"form_id" text NOT NULL,
	"catalogue" text NOT NULL,
	"rules" jsonb NOT NULL,
	"title" text NOT NULL,
	"units_date" date NOT NULL,
	"proposer_level" text NOT NULL,
	"proposer_unit_code" text,
	"proposer_organisation_id" uuid,
	"proposer_name" text NOT NULL,
	"scope_unit_code" text NOT NULL,
	"reviewer_unit_code" text,
	"reviewer_organisation_id" uuid,
	"reviewer_name" text NOT NULL,
	"reviewer_role" text NOT NULL,
	"state" text NOT NULL,
	"stage" text NOT NULL,
	"to_trinh" jsonb,
	"proposer_meeting" jsonb,
	"first_submitted_at" timestamp with time zone,
	"last_submitted_on" date,
	"appraisal_due_on" date,
	"approved_at" timestamp with time zone,
	"approved_by_name" text,
	"comment_from" date,
	"comment_to" date,
	"comment_working_days" integer,
	"council" jsonb,
	"decision_number" text,
	"decision_date" date,
	"decision_signer" jsonb,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "award_nominees" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"batch_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"nominee_key" text NOT NULL,
	"name" text NOT NULL,
	"name_folded" text NOT NULL,
	"description" text NOT NULL,
	"unit_code" text NOT NULL,
	"organisation_id" uuid,
	"individual_id" uuid,
	"household_id" uuid,
	"achievement_report" text NOT NULL,
	"eligibility" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"exception_reason" text,
	"council_agree" integer,
	"council_disagree" integer,
	"council_abstain" integer,
	"council_rate" numeric(5, 2),
	"council_passed" boolean,
	"sort_order" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "award_public_comments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"batch_id" uuid NOT NULL,
	"nominee_id" uuid,
	"author_name" text NOT NULL,
	"contact" text,
	"content" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by_name" text
);
--> statement-breakpoint
CREATE TABLE "award_registry" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"batch_id" uuid NOT NULL,
	"nominee_id" uuid NOT NULL,
	"form_id" text NOT NULL,
	"form_name" text NOT NULL,
	"kind" text NOT NULL,
	"nominee_key" text NOT NULL,
	"recipient_name" text NOT NULL,
	"search_folded" text NOT NULL,
	"description" text NOT NULL,
	"unit_code" text NOT NULL,
	"organisation_id" uuid,
	"individual_id" uuid,
	"household_id" uuid,
	"campaign_id" uuid NOT NULL,
	"campaign_name" text NOT NULL,
	"round_id" uuid NOT NULL,
	"round_name" text NOT NULL,
	"decision_number" text NOT NULL,
	"decision_date" date NOT NULL,
	"signer_name" text NOT NULL,
	"registry_number" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
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
ALTER TABLE "report_consolidations" ADD CONSTRAINT "report_consolidations_request_id_report_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."report_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_requests" ADD CONSTRAINT "report_requests_template_id_report_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."report_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submission_events" ADD CONSTRAINT "report_submission_events_submission_id_report_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."report_submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submissions" ADD CONSTRAINT "report_submissions_request_id_report_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."report_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submissions" ADD CONSTRAINT "report_submissions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_criteria" ADD CONSTRAINT "emulation_criteria_criteria_set_id_emulation_criteria_sets_id_fk" FOREIGN KEY ("criteria_set_id") REFERENCES "public"."emulation_criteria_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_criteria_sets" ADD CONSTRAINT "emulation_criteria_sets_campaign_id_emulation_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."emulation_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_exemplars" ADD CONSTRAINT "emulation_exemplars_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_exemplars" ADD CONSTRAINT "emulation_exemplars_individual_id_individuals_id_fk" FOREIGN KEY ("individual_id") REFERENCES "public"."individuals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_exemplars" ADD CONSTRAINT "emulation_exemplars_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_exemplars" ADD CONSTRAINT "emulation_exemplars_campaign_id_emulation_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."emulation_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_files" ADD CONSTRAINT "emulation_files_registration_id_emulation_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."emulation_registrations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_initiatives" ADD CONSTRAINT "emulation_initiatives_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_joint_pledges" ADD CONSTRAINT "emulation_joint_pledges_round_id_emulation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."emulation_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_joint_pledges" ADD CONSTRAINT "emulation_joint_pledges_group_id_emulation_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."emulation_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_models" ADD CONSTRAINT "emulation_models_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_registrations" ADD CONSTRAINT "emulation_registrations_round_id_emulation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."emulation_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_registrations" ADD CONSTRAINT "emulation_registrations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_registrations" ADD CONSTRAINT "emulation_registrations_individual_id_individuals_id_fk" FOREIGN KEY ("individual_id") REFERENCES "public"."individuals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_registrations" ADD CONSTRAINT "emulation_registrations_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_round_criteria_sets" ADD CONSTRAINT "emulation_round_criteria_sets_round_id_emulation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."emulation_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_round_criteria_sets" ADD CONSTRAINT "emulation_round_criteria_sets_criteria_set_id_emulation_criteria_sets_id_fk" FOREIGN KEY ("criteria_set_id") REFERENCES "public"."emulation_criteria_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_rounds" ADD CONSTRAINT "emulation_rounds_campaign_id_emulation_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."emulation_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_scores" ADD CONSTRAINT "emulation_scores_round_id_emulation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."emulation_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_scores" ADD CONSTRAINT "emulation_scores_registration_id_emulation_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."emulation_registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_scores" ADD CONSTRAINT "emulation_scores_criterion_id_emulation_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."emulation_criteria"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_unit_targets" ADD CONSTRAINT "emulation_unit_targets_campaign_id_emulation_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."emulation_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_contributions" ADD CONSTRAINT "fund_contributions_period_id_fund_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."fund_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_contributions" ADD CONSTRAINT "fund_contributions_donor_organisation_id_organisations_id_fk" FOREIGN KEY ("donor_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_direct_gifts" ADD CONSTRAINT "fund_direct_gifts_period_id_fund_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."fund_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_direct_gifts" ADD CONSTRAINT "fund_direct_gifts_donor_organisation_id_organisations_id_fk" FOREIGN KEY ("donor_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_direct_gifts" ADD CONSTRAINT "fund_direct_gifts_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_disbursements" ADD CONSTRAINT "fund_disbursements_period_id_fund_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."fund_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_disbursements" ADD CONSTRAINT "fund_disbursements_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_activities" ADD CONSTRAINT "support_activities_supporter_organisation_id_organisations_id_fk" FOREIGN KEY ("supporter_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_activities" ADD CONSTRAINT "support_activities_supporter_household_id_households_id_fk" FOREIGN KEY ("supporter_household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_activities" ADD CONSTRAINT "support_activities_target_household_id_households_id_fk" FOREIGN KEY ("target_household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_batch_events" ADD CONSTRAINT "award_batch_events_batch_id_award_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."award_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_batches" ADD CONSTRAINT "award_batches_campaign_id_emulation_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."emulation_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_batches" ADD CONSTRAINT "award_batches_round_id_emulation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."emulation_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_batches" ADD CONSTRAINT "award_batches_proposer_organisation_id_organisations_id_fk" FOREIGN KEY ("proposer_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_batches" ADD CONSTRAINT "award_batches_reviewer_organisation_id_organisations_id_fk" FOREIGN KEY ("reviewer_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_nominees" ADD CONSTRAINT "award_nominees_batch_id_award_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."award_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_nominees" ADD CONSTRAINT "award_nominees_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_nominees" ADD CONSTRAINT "award_nominees_individual_id_individuals_id_fk" FOREIGN KEY ("individual_id") REFERENCES "public"."individuals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_nominees" ADD CONSTRAINT "award_nominees_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_public_comments" ADD CONSTRAINT "award_public_comments_batch_id_award_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."award_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_public_comments" ADD CONSTRAINT "award_public_comments_nominee_id_award_nominees_id_fk" FOREIGN KEY ("nominee_id") REFERENCES "public"."award_nominees"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_registry" ADD CONSTRAINT "award_registry_batch_id_award_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."award_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_registry" ADD CONSTRAINT "award_registry_nominee_id_award_nominees_id_fk" FOREIGN KEY ("nominee_id") REFERENCES "public"."award_nominees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_registry" ADD CONSTRAINT "award_registry_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_registry" ADD CONSTRAINT "award_registry_individual_id_individuals_id_fk" FOREIGN KEY ("individual_id") REFERENCES "public"."individuals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_registry" ADD CONSTRAINT "award_registry_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_registry" ADD CONSTRAINT "award_registry_campaign_id_emulation_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."emulation_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_registry" ADD CONSTRAINT "award_registry_round_id_emulation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."emulation_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
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
CREATE INDEX "import_jobs_created_idx" ON "import_jobs" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "report_requests_issued_idx" ON "report_requests" USING btree ("province_code","issued_on");--> statement-breakpoint
CREATE INDEX "report_submission_events_submission_idx" ON "report_submission_events" USING btree ("submission_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "report_submissions_request_unit_uq" ON "report_submissions" USING btree ("request_id","unit_code");--> statement-breakpoint
CREATE UNIQUE INDEX "report_submissions_request_org_uq" ON "report_submissions" USING btree ("request_id","organisation_id");--> statement-breakpoint
CREATE INDEX "report_submissions_unit_idx" ON "report_submissions" USING btree ("unit_code");--> statement-breakpoint
CREATE INDEX "report_submissions_org_idx" ON "report_submissions" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "report_submissions_reviewer_idx" ON "report_submissions" USING btree ("request_id","reviewer_unit_code");--> statement-breakpoint
CREATE UNIQUE INDEX "emulation_campaigns_seed_uq" ON "emulation_campaigns" USING btree ("province_code","seed_key");--> statement-breakpoint
CREATE UNIQUE INDEX "emulation_criteria_set_code_uq" ON "emulation_criteria" USING btree ("criteria_set_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "emulation_criteria_sets_version_uq" ON "emulation_criteria_sets" USING btree ("campaign_id","participant_type","version");--> statement-breakpoint
CREATE UNIQUE INDEX "emulation_criteria_sets_current_uq" ON "emulation_criteria_sets" USING btree ("campaign_id","participant_type") WHERE "emulation_criteria_sets"."is_current";--> statement-breakpoint
CREATE INDEX "emulation_exemplars_unit_idx" ON "emulation_exemplars" USING btree ("unit_code");--> statement-breakpoint
CREATE INDEX "emulation_exemplars_household_idx" ON "emulation_exemplars" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "emulation_files_registration_idx" ON "emulation_files" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "emulation_initiatives_unit_idx" ON "emulation_initiatives" USING btree ("unit_code");--> statement-breakpoint
CREATE UNIQUE INDEX "emulation_joint_pledges_uq" ON "emulation_joint_pledges" USING btree ("round_id","group_id");--> statement-breakpoint
CREATE INDEX "emulation_models_unit_idx" ON "emulation_models" USING btree ("started_unit_code");--> statement-breakpoint
CREATE UNIQUE INDEX "emulation_registrations_uq" ON "emulation_registrations" USING btree ("round_id","participant_type","participant_key");--> statement-breakpoint
CREATE INDEX "emulation_registrations_unit_idx" ON "emulation_registrations" USING btree ("unit_code");--> statement-breakpoint
CREATE UNIQUE INDEX "emulation_round_criteria_sets_uq" ON "emulation_round_criteria_sets" USING btree ("round_id","participant_type");--> statement-breakpoint
CREATE UNIQUE INDEX "emulation_rounds_campaign_name_uq" ON "emulation_rounds" USING btree ("campaign_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "emulation_scores_uq" ON "emulation_scores" USING btree ("registration_id","criterion_id");--> statement-breakpoint
CREATE INDEX "emulation_scores_round_idx" ON "emulation_scores" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "emulation_unit_targets_uq" ON "emulation_unit_targets" USING btree ("campaign_id","unit_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_contributions_receipt_uq" ON "fund_contributions" USING btree ("fund_unit_code","receipt_number");--> statement-breakpoint
CREATE INDEX "fund_contributions_period_idx" ON "fund_contributions" USING btree ("period_id");--> statement-breakpoint
CREATE INDEX "fund_direct_gifts_period_idx" ON "fund_direct_gifts" USING btree ("period_id");--> statement-breakpoint
CREATE INDEX "fund_disbursements_period_idx" ON "fund_disbursements" USING btree ("period_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_periods_level_from_uq" ON "fund_periods" USING btree ("fund_unit_code","from_date");--> statement-breakpoint
CREATE INDEX "support_activities_supporter_unit_idx" ON "support_activities" USING btree ("supporter_unit_code");--> statement-breakpoint
CREATE INDEX "support_activities_supporter_org_idx" ON "support_activities" USING btree ("supporter_organisation_id");--> statement-breakpoint
CREATE INDEX "support_activities_supporter_household_idx" ON "support_activities" USING btree ("supporter_household_id");--> statement-breakpoint
CREATE INDEX "award_batch_events_batch_idx" ON "award_batch_events" USING btree ("batch_id","at");--> statement-breakpoint
CREATE INDEX "award_batches_round_form_idx" ON "award_batches" USING btree ("round_id","form_id");--> statement-breakpoint
CREATE INDEX "award_batches_reviewer_idx" ON "award_batches" USING btree ("reviewer_unit_code");--> statement-breakpoint
CREATE INDEX "award_batches_scope_idx" ON "award_batches" USING btree ("scope_unit_code");--> statement-breakpoint
CREATE UNIQUE INDEX "award_nominees_batch_key_uq" ON "award_nominees" USING btree ("batch_id","nominee_key");--> statement-breakpoint
CREATE INDEX "award_nominees_key_idx" ON "award_nominees" USING btree ("nominee_key");--> statement-breakpoint
CREATE INDEX "award_public_comments_batch_idx" ON "award_public_comments" USING btree ("batch_id","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "award_registry_form_round_nominee_uq" ON "award_registry" USING btree ("form_id","round_id","nominee_key");--> statement-breakpoint
CREATE UNIQUE INDEX "award_registry_number_uq" ON "award_registry" USING btree ("province_code","registry_number");--> statement-breakpoint
CREATE INDEX "award_registry_unit_idx" ON "award_registry" USING btree ("unit_code");--> statement-breakpoint
CREATE INDEX "award_registry_key_idx" ON "award_registry" USING btree ("nominee_key");