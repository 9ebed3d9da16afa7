-- Ninety days of history for the reports' benchmark, over bench/cycle/portfolio.sql's portfolio (one case per
-- customer): three spans of facts per case (a bucket move every 30 days; a third of the cases change owner on the
-- third; the late buckets are placed with an agency), a tenth of the cases paid in full and closed, payments on a
-- third, three contact attempts per case, a promise on a fifth. Day 0 is 2026-08-29, the last day 2026-11-26.
-- A quarter of the cases enter collection during the period; the others were in collection before it.
-- The placeholders are those of portfolio.sql, and "day:" followed by a number of days after day 0 (the bench
-- replaces them for each dialect: bench/cycle_bench.py, dialect_sql).

-- s(c): the first day of case c's first span, as days after day 0.
INSERT INTO case_facts (customer_id, case_id, valid_from, valid_to, bucket, overdue_since, days_past_due, owed,
                        anchor_owed, segment, arm, owner, agency)
SELECT c, c, {day:s + 30 * k},
       CASE WHEN k < 2 THEN {day:s + 30 * k + 30} WHEN c % 10 = 3 THEN {day:s + 76} ELSE NULL END,
       CASE WHEN b + 1 + k > 6 THEN 'M6+' ELSE 'M' || (b + 1 + k) END, NULL, 30 * (b + k) + 1,
       100000 + (c * 7919) % 3000000 + k * 5000, 100000 + (c * 7919) % 3000000,
       CASE WHEN b < 2 THEN 'early' WHEN b = 2 THEN 'middle' ELSE 'late' END,
       CASE WHEN (c * 7) % 10 < 2 THEN 'challenger' ELSE 'champion' END,
       CASE WHEN b + 1 + k >= 4 THEN 'agent' || (1 + c % 20)
            ELSE 'c' || ((c + CASE WHEN k = 2 AND c % 3 = 0 THEN 1 ELSE 0 END) % 500) END,
       CASE WHEN b + 1 + k >= 4 THEN 'A' || ((1 + c % 20) % 2) ELSE NULL END
FROM (SELECT (g + 2) / 3 AS c, (g - 1) % 3 AS k, ((g + 2) / 3) % 5 AS b,
             CASE WHEN ((g + 2) / 3) % 4 = 0 THEN ((g + 2) / 3) % 40 ELSE -(((g + 2) / 3) % 60) END AS s
      FROM {series:spans}) x;

UPDATE cases SET stage = 'closed', closed_at = {day:(CASE WHEN id % 4 = 0 THEN id % 40 ELSE -(id % 60) END) + 75}
                 || 'T12:00:00Z', close_reason = 'paid_in_full'
WHERE id % 10 = 3;

-- Payments on the case's card account: one on a third of the cases, a second on a seventh.
INSERT INTO payments (customer_id, id, account_id, payment_ref, paid_at, value_date, amount, currency, channel, kind,
                      created_at)
SELECT c, p, 2 * c - 1, 'BP' || p, d, d, 20000 + (c * 31) % 50000, 'CNY', 'bank', 'payment', d
FROM (SELECT (g + 1) / 2 AS c, g AS p,
             {day:(CASE WHEN ((g + 1) / 2) % 4 = 0 THEN ((g + 1) / 2) % 40 ELSE -(((g + 1) / 2) % 60) END) +
                  CASE WHEN g % 2 = 1 THEN 45 ELSE 70 END} AS d
      FROM {series:payment_slots}) x
WHERE (p % 2 = 1 AND c % 3 = 1) OR (p % 2 = 0 AND c % 7 = 2);

-- Three contact attempts per case, by its first owner, with outcomes in turn; one in 97 blocked by compliance.
INSERT INTO contact_attempts (customer_id, id, case_id, at, actor, channel, direction, party, outcome, verdict,
                              decision, made)
SELECT c, g, c, {day:(CASE WHEN c % 4 = 0 THEN c % 40 ELSE -(c % 60) END) + 10 + 20 * j} || 'T03:00:00Z',
       CASE WHEN c % 5 >= 3 THEN 'agent' || (1 + c % 20) ELSE 'c' || (c % 500) END, 'call', 'outbound', 'debtor',
       CASE WHEN (c + j) % 97 = 0 THEN NULL
            ELSE CASE (c + j) % 6 WHEN 0 THEN 'no_answer' WHEN 1 THEN 'right_party_contact' WHEN 2 THEN 'promise'
                                  WHEN 3 THEN 'voicemail' WHEN 4 THEN 'busy' ELSE 'third_party' END END,
       CASE WHEN (c + j) % 97 = 0 THEN 'block' ELSE 'allow' END, '',
       CASE WHEN (c + j) % 97 = 0 THEN 0 ELSE 1 END
FROM (SELECT (g + 2) / 3 AS c, (g - 1) % 3 AS j, g FROM {series:spans}) x;

-- A promise on a fifth of the cases, judged.
INSERT INTO promises (customer_id, id, case_id, amount, currency, promised_on, made_on, channel, status, created_by,
                      created_at)
SELECT c, c, c, 30000, 'CNY', {day:s + 20}, {day:s + 12}, 'call',
       CASE c % 3 WHEN 0 THEN 'kept' WHEN 1 THEN 'broken' ELSE 'partly_kept' END, 'c' || (c % 500), {day:s + 12}
FROM (SELECT g AS c, CASE WHEN g % 4 = 0 THEN g % 40 ELSE -(g % 60) END AS s FROM {series:customers}) x
WHERE c % 5 = 2;

{next_ids:payment:payments}
{next_ids:contact_attempt:contact_attempts}
{next_ids:promise:promises}
