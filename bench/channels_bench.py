#!/usr/bin/env python3
"""The channels benchmark: letters per second for a batch of collection letters, and the outbox's throughput.

On a demo portfolio (demo setup, one open case per overdue customer) on SQLite and PostgreSQL:
- `arrears letter batch --type collection --limit LETTERS`: each letter composed from its case, typeset as a PDF
  (cairo and pango, on every core) and kept on the case as a document with its SHA-256; the goal is 10,000 in under
  two minutes on two cores;
- `arrears message batch --template reminder_gentle --channel sms --limit MESSAGES`: the messages queued (rendered,
  screened, judged by compliance, written to the outbox);
- `arrears outbox run`: the dispatcher sending them to the project's SMS gateway on loopback
  (tests/support/sms_gateway.py), each claimed, judged again, sent and recorded in its own transactions.
Prints a JSON report and a summary; figures go in bench/README.md.

Usage: channels_bench.py ARREARS PG_URL LETTERS MESSAGES [BACKENDS]
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(HERE)
NOW = "2026-11-30T10:00:00+08:00"


def run(args, **kwargs):
    result = subprocess.run(args, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.exit(f"{' '.join(args[:3])}... failed ({result.returncode}):\n{result.stderr}")
    return result


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timed_json(args, env):
    started = time.monotonic()
    out = run(args, env=env).stdout
    return json.loads(out), time.monotonic() - started


def bench_backend(arrears, backend, pg_url, letters, messages, workdir):
    key = os.path.join(workdir, backend + ".key")
    if backend == "sqlite":
        db = "sqlite:" + os.path.join(workdir, "channels.db")
    else:
        run(["psql", pg_url, "-qc", "DROP DATABASE IF EXISTS channels_bench", "-c", "CREATE DATABASE channels_bench"])
        db = pg_url.rsplit("/", 1)[0] + "/channels_bench"
    common = ["--db", db, "--key-file", key, "--rules-dir", os.path.join(SOURCE, "config/rules"),
              "--policy", os.path.join(SOURCE, "config/workflow.yaml")]
    env = dict(os.environ, ARREARS_NOW=NOW)
    customers = int(max(letters, messages) * 2.4)  # about two in five demo customers have an open case
    started = time.monotonic()
    run([arrears, "demo", "setup", "--customers", str(customers), "--data-dir", os.path.join(workdir, "demo-" + backend),
         "--templates", os.path.join(SOURCE, "config/templates")] + common, env=env)
    report = {"setup_seconds": round(time.monotonic() - started, 1), "customers": customers}

    batch, seconds = timed_json([arrears, "letter", "batch", "--type", "collection", "--limit", str(letters), "--json",
                                 "--as", "system"] + common, env)
    report["letters"] = {"issued": batch["issued"], "refused": batch["refused"], "seconds": round(seconds, 2),
                         "per_second": round(batch["issued"] / seconds, 1),
                         "average_kib": round(batch["bytes"] / max(1, batch["issued"]) / 1024, 1),
                         "compose_seconds": round(batch["compose_seconds"], 2),
                         "render_seconds": round(batch["render_seconds"], 2),
                         "keep_seconds": round(batch["keep_seconds"], 2)}

    port = free_port()
    channels = os.path.join(workdir, "channels.yaml")
    with open(channels, "w") as f:
        f.write(f"sms:\n  url: http://127.0.0.1:{port}/send\n  deduplicates: true\n")
    sink = os.path.join(workdir, "sms-" + backend)
    os.makedirs(sink, exist_ok=True)
    gateway = subprocess.Popen(["/usr/bin/python3", os.path.join(SOURCE, "tests/support/sms_gateway.py"), str(port), sink])
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        queued, seconds = timed_json([arrears, "message", "batch", "--template", "reminder_gentle", "--channel", "sms",
                                      "--limit", str(messages), "--json", "--as", "system"] + common, env)
        report["queue"] = {"queued": queued["queued"], "held": queued["held"], "refused": queued["refused"],
                           "refusals": queued["refusals"], "seconds": round(seconds, 2),
                           "per_second": round(queued["queued"] / seconds, 1)}
        sent, seconds = timed_json([arrears, "outbox", "run", "--channels", channels, "--limit", str(messages * 2),
                                    "--json"] + common, env)
        report["dispatch"] = {"sent": sent["sent"], "failed": sent["failed"], "seconds": round(seconds, 2),
                              "per_second": round(sent["sent"] / seconds, 1)}
        requests = os.path.join(sink, "requests.jsonl")
        received = 0
        if os.path.exists(requests):
            with open(requests, encoding="utf-8") as f:
                received = sum(1 for _ in f)
        report["dispatch"]["received_by_gateway"] = received
        if received == 0:
            sys.exit(f"nothing reached the gateway: {json.dumps(report)}")
    finally:
        gateway.terminate()
        gateway.wait()
    if backend == "postgresql":
        run(["psql", pg_url, "-qc", "DROP DATABASE IF EXISTS channels_bench"])
    return report


def main():
    arrears, pg_url, letters, messages = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    backends = (sys.argv[5] if len(sys.argv) > 5 else "sqlite,postgresql").split(",")
    report = {"letters": letters, "messages": messages, "cores": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="arrears-channels-bench-") as workdir:
        for backend in backends:
            report[backend] = bench_backend(os.path.abspath(arrears), backend, pg_url, letters, messages, workdir)
    print(json.dumps(report, indent=2))
    for backend in backends:
        r = report[backend]
        print(f"{backend}: {r['letters']['issued']:,} collection letters in {r['letters']['seconds']:.1f} s "
              f"({r['letters']['per_second']:.0f}/s, {r['letters']['average_kib']} KiB each; goal 10,000 in 120 s); "
              f"{r['queue']['queued']:,} SMS queued at {r['queue']['per_second']:.0f}/s, "
              f"sent at {r['dispatch']['per_second']:.0f}/s ({r['dispatch']['received_by_gateway']:,} received)")


if __name__ == "__main__":
    main()
