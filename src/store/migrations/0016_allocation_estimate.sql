-- An allocation keeps the estimate it brought, so that a provision whose
-- declared lines were all credited goes back to that estimate instead of
-- showing a declared cost of nothing while the care is still allocated.
ALTER TABLE interop_allocation ADD COLUMN estimate_cents BIGINT;
UPDATE interop_allocation SET estimate_cents = (SELECT p.annual_cost_cents FROM provision p
  WHERE p.id = interop_allocation.provision_id AND p.cost_basis = 'estimate');
