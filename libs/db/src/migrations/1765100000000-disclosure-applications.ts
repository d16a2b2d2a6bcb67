import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Applications for disclosure (依申请公开). The API writes the row at intake with the applicant's personal
 * data, which never enters workflow history; the application's workflow keeps the rest up to date (state,
 * receipt date, the reply deadline and its explanation, the outcome). The public status lookup checks the
 * verification code against its hash. The timeline is the audit trail, found by detail->>'applicationId'.
 */
export class DisclosureApplications1765100000000 implements MigrationInterface {
  name = 'DisclosureApplications1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE disclosure_applications (
        id                       uuid PRIMARY KEY,
        query_number             varchar(32) NOT NULL UNIQUE,
        verification_hash        varchar(128) NOT NULL,
        workflow_id              varchar(128) NOT NULL,
        office_department_code   varchar(64) NOT NULL REFERENCES departments(code),
        channel                  varchar(32) NOT NULL CHECK (channel IN ('in-person', 'registered-post', 'ordinary-mail', 'online', 'fax')),
        applicant_type           varchar(64) NOT NULL,
        applicant_name           varchar(200) NOT NULL,
        id_document              varchar(100),
        contact_phone            varchar(50),
        contact_email            varchar(200),
        contact_address          varchar(500),
        description              text NOT NULL,
        delivery_form            varchar(100) NOT NULL,
        submitted_on             date NOT NULL,
        signed_for_on            date,
        registered_by            varchar(100),
        state                    varchar(32) NOT NULL DEFAULT 'submitted',
        handling_department_code varchar(64) REFERENCES departments(code),
        received_on              date,
        clock_start_on           date,
        due_at                   timestamptz,
        due_date                 date,
        due_explanation          text,
        clock_stopped            boolean NOT NULL DEFAULT false,
        overdue                  boolean NOT NULL DEFAULT false,
        extension_requested      boolean NOT NULL DEFAULT false,
        extended_working_days    int NOT NULL DEFAULT 0,
        fee_amount_yuan          int,
        outcome                  varchar(64),
        reply_letter             text,
        closed_on                date,
        late                     boolean,
        view                     jsonb NOT NULL DEFAULT '{}',
        created_at               timestamptz NOT NULL DEFAULT now(),
        updated_at               timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT disclosure_applications_closed_has_outcome CHECK ((closed_on IS NULL) = (outcome IS NULL))
      );
      CREATE INDEX disclosure_applications_state ON disclosure_applications (state, due_at);
      CREATE INDEX disclosure_applications_handling ON disclosure_applications (handling_department_code);
      CREATE INDEX disclosure_applications_received ON disclosure_applications (received_on);
      CREATE INDEX disclosure_applications_closed ON disclosure_applications (closed_on);
      CREATE INDEX audit_events_application ON audit_events ((detail->>'applicationId'), id) WHERE detail ? 'applicationId';
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX audit_events_application; DROP TABLE disclosure_applications;`);
  }
}
