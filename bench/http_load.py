"""The HTTP load benchmark (issue: a call centre on loopback).

For SQLite and then PostgreSQL: `arrears demo setup` with N customers, `arrears
serve`, 1,000 keep-alive connections held open and idle (browsers left open,
each polling /healthz every 30 s like a page that keeps its session), and wrk
driving 64 active connections: each workbench endpoint alone, then the mix.
On the same PostgreSQL, in the same run, `pgbench -S -M prepared -c 64 -j 2
-T 30` as the database's own ceiling for single-row reads. The case-detail
endpoint's rate is compared with pgbench's per SQL statement it runs (counted
by the server's arrears_db_statements_total).

Usage: http_load.py ARREARS_BINARY POSTGRES_URL [CUSTOMERS] [SECONDS] [BACKENDS]
BACKENDS: sqlite,postgresql (default both; the pgbench comparison needs postgresql).
"""
import http.client
import json
import os
import re
import selectors
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time

ARREARS, PG_URL = sys.argv[1], sys.argv[2]
CUSTOMERS = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
SECONDS = int(sys.argv[4]) if len(sys.argv) > 4 else 15
BACKENDS = (sys.argv[5] if len(sys.argv) > 5 else "sqlite,postgresql").split(",")
PG_BIN = "/usr/lib/postgresql/15/bin"
HERE = os.path.dirname(os.path.abspath(__file__))
IDLE_CONNECTIONS = 1000
ACTIVE_CONNECTIONS = 64


def run(args, **kw):
    result = subprocess.run(args, text=True, capture_output=True, **kw)
    if result.returncode != 0:
        sys.exit(f"{' '.join(str(a) for a in args[:3])}... failed ({result.returncode}):\n{result.stderr}")
    return result


class Server:
    def __init__(self, db, key):
        self.process = subprocess.Popen([ARREARS, "serve", "--db", db, "--key-file", key, "--listen", "127.0.0.1:0",
                                         "--quiet", "--threads", "8"], stderr=subprocess.PIPE, text=True)
        line = self.process.stderr.readline()
        match = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
        if not match:
            raise SystemExit("arrears serve did not start: " + line + self.process.stderr.read())
        self.port = int(match.group(1))

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        data = response.read()
        connection.close()
        return response, data

    def statements(self):
        _, text = self.request("GET", "/metrics")
        match = re.search(rb"^arrears_db_statements_total (\S+)$", text, re.M)
        return float(match.group(1))

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=60)


class IdleBrowsers:
    """Connections held open with keep-alive, each asking /healthz every 30 s."""

    def __init__(self, port, count):
        self.selector = selectors.DefaultSelector()
        self.sockets = []
        self.stop_event = threading.Event()
        self.port = port
        for _ in range(count):
            self._open()
        self.thread = threading.Thread(target=self._loop, daemon=True)
        self.thread.start()

    def _open(self):
        s = socket.create_connection(("127.0.0.1", self.port))
        s.setblocking(False)
        s.send(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        self.selector.register(s, selectors.EVENT_READ)
        self.sockets.append(s)

    def _loop(self):
        last_poll = time.monotonic()
        while not self.stop_event.is_set():
            for key, _ in self.selector.select(timeout=1):
                try:
                    data = key.fileobj.recv(4096)
                except OSError:
                    data = b""
                if not data:  # the server closed it (idle timeout): a browser reconnects
                    self.selector.unregister(key.fileobj)
                    self.sockets.remove(key.fileobj)
                    key.fileobj.close()
                    self._open()
            if time.monotonic() - last_poll > 30:
                last_poll = time.monotonic()
                for s in self.sockets:
                    try:
                        s.send(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    except OSError:
                        pass

    def close(self):
        self.stop_event.set()
        self.thread.join()
        open_count = len(self.sockets)
        for s in self.sockets:
            s.close()
        return open_count


def wrk(port, kind, env, seconds):
    result = subprocess.run(["wrk", "-t", "2", "-c", str(ACTIVE_CONNECTIONS), "-d", f"{seconds}s", "--timeout", "5s",
                             "-s", os.path.join(HERE, "http", "workbench.lua"), f"http://127.0.0.1:{port}"],
                            env={**os.environ, **env, "BENCH_KIND": kind}, text=True, capture_output=True, check=True)
    line = next(l for l in result.stdout.splitlines() if l.startswith("BENCH "))
    figures = json.loads(line[6:])
    figures["rate"] = figures["requests"] / figures["seconds"]
    return figures


def queue_render(port, cookie):
    """The workbench's bundle and the queue page's first row in Chromium (bench/web/queue_render.mjs)."""
    dist = os.path.join(HERE, "..", "web", "dist")
    result = run(["node", os.path.join(HERE, "web", "queue_render.mjs"), f"http://127.0.0.1:{port}", cookie, dist])
    line = next(l for l in result.stdout.splitlines() if l.startswith("BENCH "))
    return json.loads(line[6:])


def bench_backend(name, db, workdir):
    key = os.path.join(workdir, name + ".key")
    started = time.monotonic()
    run([ARREARS, "demo", "setup", "--db", db, "--key-file", key, "--customers", str(CUSTOMERS),
         "--data-dir", os.path.join(workdir, "demo-" + name)])
    setup_seconds = time.monotonic() - started
    server = Server(db, key)
    try:
        response, body = server.request("POST", "/api/v1/session",
                                        json.dumps({"login": "zhangwei", "password": "Demo2026pass"}),
                                        {"Content-Type": "application/json"})
        assert response.status == 201, body
        cookie = re.search(r"arrears_session=([^;]+)", response.getheader("Set-Cookie")).group(1)
        csrf = json.loads(body)["csrf_token"]
        headers = {"Cookie": "arrears_session=" + cookie}
        ids, cursor = [], ""
        while len(ids) < 2000:
            _, page = server.request("GET", "/api/v1/cases?limit=500" + cursor, headers=headers)
            page = json.loads(page)
            ids += [str(item["id"]) for item in page["items"]]
            if not page["next_cursor"]:
                break
            cursor = "&cursor=" + page["next_cursor"]
        ids_file = os.path.join(workdir, name + ".ids")
        with open(ids_file, "w") as f:
            f.write("\n".join(ids) + "\n")
        # Statements per case detail, as the server counts them.
        before = server.statements()
        for case in ids[:200]:
            server.request("GET", "/api/v1/cases/" + case, headers=headers)
        statements_per_detail = (server.statements() - before - 0) / 200
        idle = IdleBrowsers(server.port, IDLE_CONNECTIONS)
        env = {"BENCH_IDS": ids_file, "BENCH_COOKIE": cookie, "BENCH_CSRF": csrf}
        results = {kind: wrk(server.port, kind, env, SECONDS) for kind in ("list", "detail", "timeline", "contact")}
        results["mix"] = wrk(server.port, "mix", env, 2 * SECONDS)
        held = idle.close()
        web = queue_render(server.port, cookie)
    finally:
        server.stop()
    return {"setup_seconds": setup_seconds, "cases_of_agent": len(ids), "statements_per_detail": statements_per_detail,
            "idle_connections_held": held, "endpoints": results, "web": web}


def pgbench(url):
    match = re.match(r"postgresql://(\w+)@([\d.]+):(\d+)/", url)
    user, host, port = match.groups()
    common = ["-h", host, "-p", port, "-U", user]
    run([f"{PG_BIN}/createdb", *common, "pgbench"])
    run([f"{PG_BIN}/pgbench", *common, "-i", "-s", "10", "-q", "pgbench"])
    result = run([f"{PG_BIN}/pgbench", *common, "-S", "-M", "prepared", "-c", "64", "-j", "2", "-T", "30", "pgbench"])
    tps = float(re.search(r"tps = ([\d.]+) \(without initial connection time\)", result.stdout).group(1))
    return tps


def main():
    # The generated files and the SQLite database: gigabytes at a million customers, removed at the end.
    workdir = tempfile.mkdtemp(prefix="arrears-http-bench-")
    report = {"customers": CUSTOMERS, "seconds_per_endpoint": SECONDS}
    try:
        if "sqlite" in BACKENDS:
            report["sqlite"] = bench_backend("sqlite", "sqlite:" + os.path.join(workdir, "bench.db"), workdir)
        if "postgresql" in BACKENDS:
            match = re.match(r"(postgresql://\w+@[\d.]+:\d+/)", PG_URL)
            run([f"{PG_BIN}/createdb", "-h", PG_URL.split("@")[1].split(":")[0], "-p",
                 PG_URL.rsplit(":", 1)[1].split("/")[0], "-U", "postgres", "arrears_bench"])
            report["postgresql"] = bench_backend("postgresql", match.group(1) + "arrears_bench", workdir)
            report["pgbench_tps"] = pgbench(PG_URL)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(json.dumps(report, indent=2))
    print()
    print(f"{'backend':<11} {'endpoint':<9} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8}")
    for backend in BACKENDS:
        for kind, f in report[backend]["endpoints"].items():
            print(f"{backend:<11} {kind:<9} {f['rate']:9.0f} {f['p50_ms']:8.2f} {f['p99_ms']:8.2f} {f['bad_status']:8d}")
    for backend in BACKENDS:
        print(f"mix p99 on {backend}: {report[backend]['endpoints']['mix']['p99_ms']:.1f} ms (goal < 50 ms); "
              f"{report[backend]['idle_connections_held']} idle connections held; demo setup "
              f"{report[backend]['setup_seconds']:.0f} s")
        w = report[backend]["web"]
        print(f"web on {backend}: initial JavaScript {w['initial_js_gzip_kb']} KB gzipped, the queue page's "
              f"{w['queue_page_js_gzip_kb']} KB (goal < 500 KB); queue's first row {w['queue_first_row_ms_cold']} ms "
              f"cold, {w['queue_first_row_ms_warm']} ms warm (goal < 1 s)")
    if "postgresql" not in BACKENDS:
        return
    pg = report["postgresql"]
    per_statement = pg["endpoints"]["detail"]["rate"] * pg["statements_per_detail"]
    print(f"\npgbench -S -M prepared -c 64 -j 2: {report['pgbench_tps']:.0f} tps")
    print(f"case detail on PostgreSQL: {pg['endpoints']['detail']['rate']:.0f} req/s x "
          f"{pg['statements_per_detail']:.1f} statements = {per_statement:.0f} statements/s, "
          f"{per_statement / report['pgbench_tps']:.2f} of pgbench's rate per statement (goal >= 0.5)")


if __name__ == "__main__":
    main()
