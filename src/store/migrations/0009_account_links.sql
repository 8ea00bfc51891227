-- Accounts of professionals and household members point at who they are:
-- access rules need to know a professional's organisation (through the
-- professional record) and the household member behind a member account.
-- No foreign keys: accounts are written before households in a bundle, and the
-- service layer checks the links when an administrator sets them.
ALTER TABLE account ADD COLUMN professional_id TEXT;
ALTER TABLE account ADD COLUMN member_id TEXT;
