#!/usr/bin/env python3
"""The reports' benchmark: bench/cycle/portfolio.sql's portfolio (ACCOUNTS accounts, two per customer, one case
each) with ninety days of history (bench/reports/history.sql: spans of facts, payments, contacts, promises), on
SQLite and PostgreSQL; each standard report timed through `arrears report` over the ninety days, and the facts'
size on disk. Prints a JSON report and a table; figures go in bench/README.md.

Usage: report_bench.py ARREARS PG_URL ACCOUNTS [BACKENDS]
"""
import json
import os
import subprocess
import sys
import tempfile
import time

from cycle_bench import HERE, dialect_sql, portfolio_sql, run

REPORTS = [("aging", []), ("aging", ["--by", "month"]), ("roll-rates", []), ("recovery", []),
           ("recovery", ["--by", "collector"]), ("promises", []), ("collectors", []), ("strategies", []),
           ("agencies", []), ("collections", []), ("entries", [])]
PERIOD = ["--from", "2026-08-29", "--to", "2026-11-26"]


def facts_size(backend, db, path):
    """Bytes on disk of the facts: case_facts with its indexes (and bucket_moves, empty here)."""
    if backend == "sqlite":
        out = run(["sqlite3", path, "SELECT SUM(pgsize) FROM dbstat WHERE name IN ('case_facts', "
                   "'sqlite_autoindex_case_facts_1', 'case_facts_open', 'case_facts_from')"]).stdout
    else:
        out = run(["psql", db, "-Atc", "SELECT pg_total_relation_size('case_facts')"]).stdout
    return int(out.strip() or 0)


def bench_backend(arrears, backend, pg_url, accounts, workdir):
    key = os.path.join(workdir, backend + ".key")
    path = None
    if backend == "sqlite":
        path = os.path.join(workdir, "reports.db")
        db = "sqlite://" + path
    else:
        run(["psql", pg_url, "-qc", "DROP DATABASE IF EXISTS report_bench", "-c", "CREATE DATABASE report_bench"])
        db = pg_url.rsplit("/", 1)[0] + "/report_bench"
    run([arrears, "migrate", "--db", db, "--key-file", key])
    started = time.monotonic()
    customers = accounts // 2
    sql = portfolio_sql(backend, accounts) + "\n" + dialect_sql(
        os.path.join(HERE, "reports", "history.sql"), backend,
        {"customers": customers, "spans": 3 * customers, "payment_slots": 2 * customers})
    if backend == "sqlite":
        run(["sqlite3", path], input="PRAGMA journal_mode=WAL;\nBEGIN;\n" + sql + "\nCOMMIT;\nANALYZE;\n")
    else:
        run(["psql", db, "-v", "ON_ERROR_STOP=1", "-q"], input="BEGIN;\n" + sql + "\nCOMMIT;\nVACUUM ANALYZE;\n")
    report = {"generate_seconds": round(time.monotonic() - started, 1), "facts_bytes": facts_size(backend, db, path)}
    if backend == "sqlite":
        report["database_bytes"] = os.path.getsize(path)
    counted = run(["sqlite3", path, "SELECT COUNT(*) FROM case_facts"]).stdout if backend == "sqlite" else \
        run(["psql", db, "-Atc", "SELECT COUNT(*) FROM case_facts"]).stdout
    report["fact_rows"] = int(counted.strip())
    timings = {}
    for name, extra in REPORTS:
        label = " ".join([name] + extra)
        args = [arrears, "report", name, "--db", db, "--format", "json"] + PERIOD + extra
        best = None
        for _ in range(2):  # the better of two: the first also warms the cache
            started = time.monotonic()
            out = run(args).stdout
            seconds = time.monotonic() - started
            best = seconds if best is None else min(best, seconds)
        rows = len(json.loads(out)["rows"])
        timings[label] = {"seconds": round(best, 2), "rows": rows}
    report["reports"] = timings
    if backend == "postgresql":
        run(["psql", pg_url, "-qc", "DROP DATABASE IF EXISTS report_bench"])
    return report


def main():
    arrears, pg_url, accounts = os.path.abspath(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    backends = (sys.argv[4] if len(sys.argv) > 4 else "sqlite,postgresql").split(",")
    report = {"accounts": accounts, "cases": accounts // 2, "days": 90}
    with tempfile.TemporaryDirectory(prefix="arrears-report-bench-") as workdir:
        for backend in backends:
            report[backend] = bench_backend(arrears, backend, pg_url, accounts, workdir)
    print(json.dumps(report, indent=2))
    print()
    print(f"{'report':<24}" + "".join(f"{b + ' s':>14}" for b in backends) + "   (goal: each under 5 s)")
    for name, extra in REPORTS:
        label = " ".join([name] + extra)
        print(f"{label:<24}" + "".join(f"{report[b]['reports'][label]['seconds']:>14.2f}" for b in backends))
    for b in backends:
        r = report[b]
        print(f"{b}: {r['fact_rows']:,} spans of facts in {r['facts_bytes'] / 1e6:.0f} MB "
              f"({r['facts_bytes'] / max(r['fact_rows'], 1):.0f} bytes a span, indexes included)")


if __name__ == "__main__":
    main()
