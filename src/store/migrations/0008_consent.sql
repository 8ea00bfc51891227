-- Consent per member, purpose and organisation, with how it was given, its
-- expiry and its withdrawal. Rows are never deleted: a withdrawal is a date,
-- so that what was obtained under a consent stays explainable.
CREATE TABLE consent (
  id @ID@,
  household_id TEXT NOT NULL REFERENCES household(id),
  member_id TEXT NOT NULL REFERENCES member(id),
  guardian_member_id TEXT REFERENCES member(id),
  purpose TEXT NOT NULL CHECK (purpose IN ('care_coordination','information_exchange','business_case','research')),
  organisation_id TEXT NOT NULL REFERENCES organisation(id),
  method TEXT NOT NULL CHECK (method IN ('signed_form','verbal_witnessed')),
  witness TEXT NOT NULL DEFAULT '',
  given_on TEXT NOT NULL,
  expires_on TEXT,
  withdrawn_on TEXT,
  recorded_by TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX consent_household ON consent(household_id);
