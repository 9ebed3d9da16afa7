#!/usr/bin/env python3
"""The daily cycle benchmark: a generated portfolio (ACCOUNTS accounts, two per customer, every one past due, one
open case per customer, 500 collectors in ten teams, two agencies) on SQLite and PostgreSQL. It runs
`arrears cycle` for the first day (which records every account's first bucket and every case's first strategy
placement) and for the next day (a night's real changes), and, on the same PostgreSQL in the same run, the
reference a database engineer would write instead: the accrual, ageing and bucket update as plain SQL
(bench/cycle/reference.sql). Prints a JSON report and a table; figures go in bench/README.md.

Usage: cycle_bench.py ARREARS PG_URL ACCOUNTS [BACKENDS]
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(HERE)


def run(args, **kwargs):
    result = subprocess.run(args, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.exit(f"{' '.join(args[:3])}... failed ({result.returncode}):\n{result.stderr}")
    return result


def portfolio_sql(dialect, accounts):
    text = open(os.path.join(HERE, "cycle", "portfolio.sql"), encoding="utf-8").read()
    counts = {"customers": accounts // 2, "accounts": accounts, "collectors": 500, "agents": 20}

    def series(match):
        n = counts[match.group(1)]
        if dialect == "postgresql":
            return f"generate_series(1::bigint, {n}) AS s(g)"
        return f"(WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < {n}) SELECT g FROM s)"

    def minus_days(match):
        expr = match.group(1)
        if dialect == "postgresql":
            return f"to_char(DATE '2026-11-27' - ({expr})::int, 'YYYY-MM-DD')"
        return f"date('2026-11-27', '-' || ({expr}) || ' days')"

    text = re.sub(r"\{series:(\w+)\}", series, text)
    # {minus_days:EXPR} where EXPR holds parentheses: match up to the closing brace.
    return re.sub(r"\{minus_days:([^{}]+)\}", minus_days, text)


def cycle(arrears, db, key, as_of, workdir):
    args = [arrears, "cycle", "--as-of", as_of, "--json", "--db", db, "--key-file", key,
            "--strategy", os.path.join(SOURCE, "config/strategies/default.yaml"),
            "--allocation", os.path.join(HERE, "cycle/allocation.yaml"),
            "--rules-dir", os.path.join(SOURCE, "config/rules"),
            "--policy", os.path.join(SOURCE, "config/workflow.yaml")]
    started = time.monotonic()
    out = run(args, env=dict(os.environ, ARREARS_NOW=as_of + "T01:00:00+08:00"), cwd=workdir).stdout
    wall = time.monotonic() - started
    summary = json.loads(out)
    summary["wall_seconds"] = round(wall, 2)
    return summary


def bench_backend(arrears, backend, pg_url, accounts, workdir):
    key = os.path.join(workdir, backend + ".key")
    if backend == "sqlite":
        path = os.path.join(workdir, "cycle.db")
        db = "sqlite://" + path
    else:
        base = pg_url.rsplit("/", 1)[0]
        run(["psql", pg_url, "-qc", "DROP DATABASE IF EXISTS cycle_bench", "-c", "CREATE DATABASE cycle_bench"])
        db = base + "/cycle_bench"
    run([arrears, "migrate", "--db", db, "--key-file", key])
    started = time.monotonic()
    sql = portfolio_sql(backend, accounts)
    if backend == "sqlite":
        run(["sqlite3", path], input="PRAGMA journal_mode=WAL;\nBEGIN;\n" + sql + "\nCOMMIT;\nANALYZE;\n")
    else:
        run(["psql", db, "-v", "ON_ERROR_STOP=1", "-q"], input="BEGIN;\n" + sql + "\nCOMMIT;\nANALYZE;\n")
    generated = time.monotonic() - started
    report = {"generate_seconds": round(generated, 1)}
    report["first_day"] = cycle(arrears, db, key, "2026-11-28", workdir)
    report["next_day"] = cycle(arrears, db, key, "2026-11-29", workdir)
    if backend == "postgresql":
        started = time.monotonic()
        run(["psql", db, "-v", "ON_ERROR_STOP=1", "-q", "-v", "as_of=2026-11-30", "-f",
             os.path.join(HERE, "cycle", "reference.sql")])
        report["reference_seconds"] = round(time.monotonic() - started, 2)
        run(["psql", pg_url, "-qc", "DROP DATABASE IF EXISTS cycle_bench"])
    return report


def main():
    arrears, pg_url, accounts = sys.argv[1], sys.argv[2], int(sys.argv[3])
    backends = (sys.argv[4] if len(sys.argv) > 4 else "sqlite,postgresql").split(",")
    report = {"accounts": accounts, "customers": accounts // 2}
    with tempfile.TemporaryDirectory(prefix="arrears-cycle-bench-") as workdir:
        for backend in backends:
            report[backend] = bench_backend(os.path.abspath(arrears), backend, pg_url, accounts, workdir)
    print(json.dumps(report, indent=2))
    print()
    steps = ["cases", "promises", "load", "compute", "buckets", "strategy", "allocate", "facts", "queue"]
    print(f"{'backend':<11}{'day':<10}{'wall s':>8}{'peak MB':>9}  " + "".join(f"{s:>10}" for s in steps))
    for backend in backends:
        for day in ("first_day", "next_day"):
            r = report[backend][day]
            ms = r["milliseconds"]
            print(f"{backend:<11}{day:<10}{r['wall_seconds']:>8.1f}{r['peak_megabytes']:>9}  " +
                  "".join(f"{ms.get(s, 0) / 1000:>10.2f}" for s in steps))
    for backend in backends:
        r = report[backend]["next_day"]
        compute = r["milliseconds"].get("compute", 0) / 1000
        rate = r["accounts_processed"] / compute if compute > 0 else float("inf")
        print(f"{backend}: next day {r['wall_seconds']:.1f} s for {accounts:,} accounts; compute "
              f"{rate / 1e6:.1f} M accounts/s; peak {r['peak_megabytes']} MB; "
              f"{r['accounts_changed']:,} bucket moves, {r['queue_items']:,} queue items")
    if "postgresql" in report:
        pg = report["postgresql"]
        ratio = pg["reference_seconds"] / pg["next_day"]["wall_seconds"]
        print(f"reference (plain SQL accrual, ageing and bucket update in PostgreSQL): {pg['reference_seconds']:.1f} s; "
              f"the cycle's next day is {ratio:.1f}x faster (goal >= 10)")


if __name__ == "__main__":
    main()
