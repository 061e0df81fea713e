-- A unit's clearances indexed by unit and officer, instead of by unit alone. A clearance is locked by
-- officer and unit for every decision; on a new database PostgreSQL has no statistics yet, and the
-- plan it keeps for that statement chose the unit index: it read every clearance of the unit and
-- kept one, so each submission cost more than the last (docs/performance.md, "Stop 26"). With the
-- officer in both indexes, either one finds the row directly. The roster (a unit's clearances in
-- officer order, a page at a time) reads this index in its order.
DROP INDEX clearances_unit;
CREATE INDEX clearances_unit ON clearances (unit, officer_id);
