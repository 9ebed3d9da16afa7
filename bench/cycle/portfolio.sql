-- The benchmark's portfolio, generated inside the database: :customers customers with two accounts each (a card
-- and a loan), every account past due (days past due skewed towards the early buckets, a long late tail), one open
-- case per customer owned by one of 500 collectors, assigned on one of the 30 days before. Anchored on 2026-11-27.
-- Written once for both dialects: {series} is replaced by generate_series (PostgreSQL) or a recursive CTE
-- (SQLite), {minus_days:X} by the dialect's date arithmetic, {next_ids:NAME:TABLE} by what moves the ids of NAME
-- past those in TABLE (a native sequence on PostgreSQL, the sequences table on SQLite).
INSERT INTO customers (id, customer_ref, name, id_type, id_number_cipher, id_number_index, id_number_masked,
                       jurisdiction, time_zone, language, created_at, updated_at)
SELECT g, 'B' || g, '客户', 'resident_id', '-', 'bench-' || g, '110***********0000', 'CN', 'Asia/Shanghai', 'zh-CN',
       '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'
FROM {series:customers};

INSERT INTO accounts (customer_id, id, account_ref, product_type, product_code, currency, opened_on, repayment_method,
                      rate_billionths, rate_period, day_count, penalty_uplift_billionths, due_day, grace_days,
                      balance_date, principal_not_due, principal_overdue, interest_overdue, penalty_interest,
                      compound_interest, late_fee, installment_fee, other_fee, oldest_unpaid_due_date, days_past_due,
                      status, region, created_at, updated_at)
SELECT (g + 1) / 2, g, 'BA' || g,
       CASE WHEN g % 2 = 1 THEN 'card' ELSE 'loan' END, CASE WHEN g % 2 = 1 THEN 'CC' ELSE 'PL' END, 'CNY',
       '2024-01-01', CASE WHEN g % 2 = 1 THEN 'revolving' ELSE 'annuity' END,
       CASE WHEN g % 2 = 1 THEN 500000 ELSE 60000000 END, CASE WHEN g % 2 = 1 THEN 'day' ELSE 'year' END,
       CASE WHEN g % 2 = 1 THEN NULL ELSE 'ACT/360' END, NULL, 15, 3, '2026-11-27',
       CASE WHEN g % 2 = 1 THEN 0 ELSE 2000000 + (g * 7919) % 5000000 END,
       100000 + (g * 104729) % 3000000, (g * 31) % 50000, (g * 17) % 20000, 0, CASE WHEN g % 2 = 1 THEN 5000 ELSE 0 END,
       0, 0, {minus_days:1 + ((g * 2654435761) % 100) * ((g * 2654435761) % 100) * ((g * 2654435761) % 100) / 2500},
       1 + ((g * 2654435761) % 100) * ((g * 2654435761) % 100) * ((g * 2654435761) % 100) / 2500, 'active',
       CASE (g % 4) WHEN 0 THEN '北京市' WHEN 1 THEN '上海市' WHEN 2 THEN '广东省' ELSE '四川省' END,
       '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'
FROM {series:accounts};

INSERT INTO cases (customer_id, id, stage, owner, currency, opened_at, stage_changed_at, updated_at, assigned_on)
SELECT g, g, 'reminding', 'c' || (g % 500), 'CNY', '2026-10-01T00:00:00Z', '2026-10-01T00:00:00Z',
       '2026-10-01T00:00:00Z', {minus_days:1 + g % 30}
FROM {series:customers};

INSERT INTO case_accounts (customer_id, case_id, account_id, added_at)
SELECT (g + 1) / 2, (g + 1) / 2, g, '2026-10-01T00:00:00Z' FROM {series:accounts};

INSERT INTO users (id, login, display_name, role, team, agency, created_at)
SELECT g + 1, 'c' || g, '催收员' || g, 'collector', 't' || (g % 10), NULL, '2026-01-01T00:00:00Z' FROM {series:collectors};

INSERT INTO users (id, login, display_name, role, team, agency, created_at)
SELECT 1000 + g, 'agent' || g, '委外' || g, 'agency_user', NULL, 'A' || (g % 2), '2026-01-01T00:00:00Z'
FROM {series:agents};

{next_ids:case:cases}
{next_ids:user:users}
