#!/usr/bin/python3
"""Import throughput against the raw load of the same rows, side by side.

Generates a portfolio, imports its customers (untimed), then times
`arrears import accounts` into SQLite and into PostgreSQL next to the raw
load of the same file (`sqlite3 .import` into a plain table, `psql \\copy`),
and prints rows/s, the ratio, and the importer's peak memory.

Usage: bench/import_bench.py ARREARS_BINARY POSTGRES_URL [CUSTOMERS]
(scripts/bench-import starts PostgreSQL and passes the arguments.)
"""
import os
import subprocess
import sys
import tempfile
import time


def run(args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs)


def timed(args):
    """Seconds of wall time and the peak resident memory (MiB) of one child."""
    with tempfile.TemporaryFile(mode="w+") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        out.seek(0)
        text = out.read()
    if status != 0:
        sys.exit(f"{' '.join(args)} failed: {text}")
    return seconds, usage.ru_maxrss / 1024.0, text


def main():
    arrears, pg_url = sys.argv[1], sys.argv[2]
    customers = int(sys.argv[3]) if len(sys.argv) > 3 else 770_000
    work = tempfile.mkdtemp(prefix="arrears-import-bench-")
    data = os.path.join(work, "data")
    run([arrears, "demo", "generate", "--customers", str(customers), "--seed", "1", "--as-of", "2026-11-28",
         "--out", data])
    accounts_csv = os.path.join(data, "accounts.csv")
    with open(accounts_csv, encoding="utf-8") as f:
        header = f.readline().strip().split(",")
        rows = sum(1 for _ in f)
    key = os.path.join(work, "bench.key")
    base = pg_url.rsplit("/", 1)[0]
    results = []

    # SQLite
    sqlite_db = os.path.join(work, "arrears.db")
    run([arrears, "migrate", "--db", "sqlite:" + sqlite_db, "--key-file", key])
    run([arrears, "import", "customers", os.path.join(data, "customers.csv"), "--db", "sqlite:" + sqlite_db,
         "--key-file", key])
    ours, peak, _ = timed([arrears, "import", "accounts", accounts_csv, "--db", "sqlite:" + sqlite_db,
                           "--key-file", key])
    raw_db = os.path.join(work, "raw.db")
    raw, _, _ = timed(["sqlite3", raw_db, ".mode csv", ".import " + accounts_csv + " raw_accounts"])
    results.append(("SQLite", ours, raw, peak))

    # PostgreSQL
    run(["psql", base + "/postgres", "-qc", "DROP DATABASE IF EXISTS import_bench", "-c",
         "CREATE DATABASE import_bench"])
    db = base + "/import_bench"
    run([arrears, "migrate", "--db", db, "--key-file", key])
    run([arrears, "import", "customers", os.path.join(data, "customers.csv"), "--db", db, "--key-file", key])
    ours, peak, _ = timed([arrears, "import", "accounts", accounts_csv, "--db", db, "--key-file", key])
    columns = ", ".join(name + " text" for name in header)
    run(["psql", db, "-qc", f"CREATE TABLE raw_accounts ({columns})"])
    raw, _, _ = timed(["psql", db, "-qc", f"\\copy raw_accounts from '{accounts_csv}' with (format csv, header true)"])
    results.append(("PostgreSQL", ours, raw, peak))

    print(f"accounts: {rows} rows ({os.path.getsize(accounts_csv) / 2**20:.0f} MiB)")
    print(f"{'database':<11} {'arrears import':>16} {'raw load':>14} {'ratio':>7} {'peak memory':>12}")
    for name, ours, raw, peak in results:
        print(f"{name:<11} {rows / ours:>10.0f} rows/s {rows / raw:>8.0f} rows/s {raw / ours:>7.2f} {peak:>9.0f} MiB")
    subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
