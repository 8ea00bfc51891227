-- Intake in the browser: who referred the family, and a member's birth date
-- (older files keep only the birth year, so both stay nullable).
ALTER TABLE household ADD COLUMN referral_referrer TEXT;
ALTER TABLE member ADD COLUMN birth_date TEXT;
