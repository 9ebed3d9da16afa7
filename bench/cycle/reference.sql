-- The reference a database engineer would write for the same nightly work inside PostgreSQL: accrue one day of
-- interest, penalty and compound interest into every account in collection, recompute days past due and bucket,
-- and record the bucket moves — as plain SQL statements, rewriting every account every night.
BEGIN;
WITH before AS (
  SELECT customer_id, id, bucket FROM accounts WHERE status <> 'closed' AND oldest_unpaid_due_date IS NOT NULL
), aged AS (
  UPDATE accounts a SET
    interest_overdue = a.interest_overdue + CASE a.rate_period
      WHEN 'day' THEN 0
      ELSE round(a.principal_not_due * a.rate_billionths / 360000000000.0) END,
    penalty_interest = a.penalty_interest + CASE a.rate_period
      WHEN 'day' THEN round(a.principal_overdue * a.rate_billionths / 1000000000.0)
      ELSE round(a.principal_overdue * a.rate_billionths * 1.5 / 360000000000.0) END,
    compound_interest = a.compound_interest + CASE a.rate_period
      WHEN 'day' THEN 0
      ELSE round(a.interest_overdue * a.rate_billionths * 1.5 / 360000000000.0) END,
    days_past_due = CASE WHEN DATE :'as_of' - a.oldest_unpaid_due_date::date > a.grace_days
                         THEN DATE :'as_of' - a.oldest_unpaid_due_date::date ELSE 0 END,
    bucket = CASE
      WHEN DATE :'as_of' - a.oldest_unpaid_due_date::date <= a.grace_days THEN 'M0'
      WHEN DATE :'as_of' - a.oldest_unpaid_due_date::date <= 30 THEN 'M1'
      WHEN DATE :'as_of' - a.oldest_unpaid_due_date::date <= 60 THEN 'M2'
      WHEN DATE :'as_of' - a.oldest_unpaid_due_date::date <= 90 THEN 'M3'
      WHEN DATE :'as_of' - a.oldest_unpaid_due_date::date <= 120 THEN 'M4'
      WHEN DATE :'as_of' - a.oldest_unpaid_due_date::date <= 150 THEN 'M5'
      WHEN DATE :'as_of' - a.oldest_unpaid_due_date::date <= 180 THEN 'M6'
      ELSE 'M6+' END,
    balance_date = :'as_of'
  FROM before b
  WHERE a.customer_id = b.customer_id AND a.id = b.id
  RETURNING a.customer_id, a.id, b.bucket AS from_bucket, a.bucket AS to_bucket, a.days_past_due
)
INSERT INTO bucket_moves (customer_id, account_id, moved_on, from_bucket, to_bucket, days_past_due)
SELECT customer_id, id, :'as_of', from_bucket, to_bucket, days_past_due FROM aged
WHERE from_bucket IS DISTINCT FROM to_bucket
ON CONFLICT (customer_id, account_id, moved_on) DO NOTHING;
COMMIT;
