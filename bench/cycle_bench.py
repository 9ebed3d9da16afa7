#!/usr/bin/env python3
"""The daily cycle benchmark: a generated portfolio (ACCOUNTS accounts, two per customer, every one past due, one
open case per customer, 500 collectors in ten teams, two agencies) on SQLite and PostgreSQL. It runs
`arrears cycle` for the first day (which records every account's first bucket and every case's first strategy
placement) and for the next day (a night's real changes), and, on the same PostgreSQL in the same run, the
reference a database engineer would write instead: the accrual, ageing and bucket update as plain SQL
(bench/cycle/reference.sql). Prints a JSON report and a table; figures go in bench/README.md.

Usage: cycle_bench.py ARREARS PG_URL ACCOUNTS [BACKENDS] [NIGHTS]
NIGHTS: all (default: `arrears cycle` for the first and next night, then the server's two nights) or server (the
server's two nights alone, the first of them the portfolio's first night: for ten million accounts).
"""
import http.client
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
    return dialect_sql(os.path.join(HERE, "cycle", "portfolio.sql"), dialect,
                       {"customers": accounts // 2, "accounts": accounts, "collectors": 500, "agents": 20})


def dialect_sql(path, dialect, counts):
    """A generator script for one dialect: {series:NAME} counts 1..counts[NAME], {minus_days:EXPR} is 2026-11-27
    less EXPR days, {day:EXPR} is 2026-08-29 plus EXPR days, {next_ids:NAME:TABLE} moves NAME's ids past TABLE's."""
    text = open(path, encoding="utf-8").read()

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

    def day(match):
        expr = match.group(1)
        if dialect == "postgresql":
            return f"to_char(DATE '2026-08-29' + ({expr})::int, 'YYYY-MM-DD')"
        return f"date('2026-08-29', ({expr}) || ' days')"

    def next_ids(match):
        name, table = match.group(1), match.group(2)
        if dialect == "postgresql":
            return f"SELECT setval('id_{name}', (SELECT MAX(id) FROM {table}));"
        return (f"INSERT INTO sequences (name, next_value) SELECT '{name}', (SELECT MAX(id) + 1 FROM {table}) "
                f"ON CONFLICT (name) DO UPDATE SET next_value = excluded.next_value;")

    text = re.sub(r"\{series:(\w+)\}", series, text)
    text = re.sub(r"\{next_ids:(\w+):(\w+)\}", next_ids, text)
    # {minus_days:EXPR} and {day:EXPR} where EXPR holds parentheses (never braces): match up to the closing brace.
    text = re.sub(r"\{day:([^{}]+)\}", day, text)
    return re.sub(r"\{minus_days:([^{}]+)\}", minus_days, text)


def cycle(arrears, db, key, as_of, workdir):
    args = [arrears, "cycle", "--as-of", as_of, "--json", "--db", db, "--key-file", key] + cycle_files()
    started = time.monotonic()
    out = run(args, env=dict(os.environ, ARREARS_NOW=as_of + "T01:00:00+08:00"), cwd=workdir).stdout
    wall = time.monotonic() - started
    summary = json.loads(out)
    summary["wall_seconds"] = round(wall, 2)
    return summary


def cycle_files():
    return ["--strategy", os.path.join(SOURCE, "config/strategies/default.yaml"),
            "--allocation", os.path.join(HERE, "cycle/allocation.yaml"),
            "--rules-dir", os.path.join(SOURCE, "config/rules"),
            "--policy", os.path.join(SOURCE, "config/workflow.yaml")]


def peak_megabytes(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) // 1024
    return 0


def server_nights(arrears, db, key, nights, workdir):
    """`arrears serve` keeping the working set between nights: each night started through the API and followed
    until it finishes; `nights` is a list of (date, what to change before it)."""
    password = "Bench2026night"
    run([arrears, "user", "add", "bench-admin", "--role", "admin", "--password-stdin", "--db", db, "--key-file", key],
        input=password + "\n")
    env = dict(os.environ, ARREARS_NOW=nights[0][0] + "T01:00:00+08:00")
    server = subprocess.Popen([arrears, "serve", "--db", db, "--key-file", key, "--listen", "127.0.0.1:0", "--quiet"] +
                              cycle_files(), stderr=subprocess.PIPE, text=True, env=env, cwd=workdir)
    try:
        line = server.stderr.readline()
        match = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
        if not match:
            sys.exit("arrears serve did not start: " + line)
        port = int(match.group(1))

        def request(method, path, body=None, headers=None):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            data = response.read()
            connection.close()
            return response, data

        response, body = request("POST", "/api/v1/session",
                                 json.dumps({"login": "bench-admin", "password": password}))
        cookie = re.search(r"arrears_session=([^;]+)", response.getheader("Set-Cookie")).group(1)
        headers = {"Cookie": "arrears_session=" + cookie, "X-CSRF-Token": json.loads(body)["csrf_token"]}
        results = []
        for date, change in nights:
            change_seconds = 0.0
            if change:
                started = time.monotonic()
                change()
                change_seconds = round(time.monotonic() - started, 2)
            started = time.monotonic()
            response, body = request("POST", "/api/v1/cycle/runs", json.dumps({"as_of": date}), headers)
            if response.status != 202:
                sys.exit(f"the night of {date} did not start: {response.status} {body!r}")
            while True:
                time.sleep(0.05)
                response, body = request("GET", "/api/v1/cycle/runs/" + date, headers=headers)
                state = json.loads(body)
                if state.get("status") != "running":
                    break
            if state.get("status") != "finished":
                sys.exit(f"the night of {date} failed: {body!r}")
            summary = state["summary"]
            summary["wall_seconds"] = round(time.monotonic() - started, 2)
            summary["peak_megabytes"] = peak_megabytes(server.pid)
            summary["changed_before_seconds"] = change_seconds
            results.append(summary)
        return results
    finally:
        server.terminate()
        server.wait(timeout=120)


def day_of_payments(backend, db, path, date):
    """What a day's payments file does to the accounts: one in a hundred paid part of its overdue principal."""
    sql = ("UPDATE accounts SET principal_overdue = CASE WHEN principal_overdue > 10000 THEN principal_overdue - 10000 "
           f"ELSE principal_overdue END, balance_date = '{date}' WHERE id % 100 = 7;")
    if backend == "sqlite":
        run(["sqlite3", path], input=sql)
    else:
        run(["psql", db, "-v", "ON_ERROR_STOP=1", "-q", "-c", sql])


def bench_backend(arrears, backend, pg_url, accounts, nights, workdir):
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
    days = ["2026-11-28", "2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02"]
    if nights == "all":
        report["first_day"] = cycle(arrears, db, key, days.pop(0), workdir)
        report["next_day"] = cycle(arrears, db, key, days.pop(0), workdir)
    # The server: its first night reads the working set whole; the next, after a day's payments, only the
    # customers written since.
    first, kept = server_nights(arrears, db, key, [
        (days[0], None),
        (days[1], lambda: day_of_payments(backend, db, path if backend == "sqlite" else None, days[1]))],
        workdir)
    report["server_first_day"] = first
    report["server_kept_day"] = kept
    if backend == "postgresql":
        # The reference is what a database without this project's change notes would run.
        run(["psql", db, "-qc", "ALTER TABLE accounts DISABLE TRIGGER USER"])
        started = time.monotonic()
        run(["psql", db, "-v", "ON_ERROR_STOP=1", "-q", "-v", "as_of=" + days[2], "-f",
             os.path.join(HERE, "cycle", "reference.sql")])
        report["reference_seconds"] = round(time.monotonic() - started, 2)
        run(["psql", pg_url, "-qc", "DROP DATABASE IF EXISTS cycle_bench"])
    return report


def main():
    arrears, pg_url, accounts = sys.argv[1], sys.argv[2], int(sys.argv[3])
    backends = (sys.argv[4] if len(sys.argv) > 4 else "sqlite,postgresql").split(",")
    nights = sys.argv[5] if len(sys.argv) > 5 else "all"
    if nights not in ("all", "server"):
        sys.exit(f"nights: all or server, not {nights!r}")
    report = {"accounts": accounts, "customers": accounts // 2}
    with tempfile.TemporaryDirectory(prefix="arrears-cycle-bench-") as workdir:
        for backend in backends:
            report[backend] = bench_backend(os.path.abspath(arrears), backend, pg_url, accounts, nights, workdir)
    print(json.dumps(report, indent=2))
    print()
    steps = ["cases", "promises", "load", "compute", "buckets", "strategy", "allocate", "facts", "queue"]
    print(f"{'backend':<11}{'day':<18}{'wall s':>8}{'peak MB':>9}  " + "".join(f"{s:>10}" for s in steps))
    for backend in backends:
        for day in ("first_day", "next_day", "server_first_day", "server_kept_day"):
            if day not in report[backend]:
                continue
            r = report[backend][day]
            ms = r["milliseconds"]
            print(f"{backend:<11}{day:<18}{r['wall_seconds']:>8.1f}{r['peak_megabytes']:>9}  " +
                  "".join(f"{ms.get(s, 0) / 1000:>10.2f}" for s in steps))
    for backend in backends:
        r = report[backend].get("next_day", report[backend]["server_kept_day"])
        compute = r["milliseconds"].get("compute", 0) / 1000
        rate = r["accounts_processed"] / compute if compute > 0 else float("inf")
        print(f"{backend}: next day {r['wall_seconds']:.1f} s for {accounts:,} accounts; compute "
              f"{rate / 1e6:.1f} M accounts/s; peak {r['peak_megabytes']} MB; "
              f"{r['accounts_changed']:,} bucket moves, {r['queue_items']:,} queue items")
    for backend in backends:
        r = report[backend]["server_kept_day"]
        print(f"{backend}: the server's night with the kept working set {r['wall_seconds']:.1f} s, "
              f"{r['customers_reread']:,} customers read again, {r['whole_loads']} whole reads")
    if "postgresql" in report:
        pg = report["postgresql"]
        kept = pg["reference_seconds"] / pg["server_kept_day"]["wall_seconds"]
        line = f"reference (plain SQL accrual, ageing and bucket update in PostgreSQL): {pg['reference_seconds']:.1f} s; "
        if "next_day" in pg:
            line += f"`arrears cycle`'s next day is {pg['reference_seconds'] / pg['next_day']['wall_seconds']:.1f}x faster, "
        print(line + f"the server's kept night {kept:.1f}x (goal >= 10)")


if __name__ == "__main__":
    main()
