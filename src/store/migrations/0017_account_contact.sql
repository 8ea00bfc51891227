-- A director's phone number and e-mail address, so that the household's own
-- view can say how to reach their director. Optional for every account; the
-- administrator fills them in on the accounts page.
ALTER TABLE account ADD COLUMN phone TEXT;
ALTER TABLE account ADD COLUMN email TEXT;
