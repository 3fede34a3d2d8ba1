-- Wrong: forbids the planner a plan for this session instead of giving it a better one.
-- Expected failure: may only create indexes
SET enable_seqscan = off;
