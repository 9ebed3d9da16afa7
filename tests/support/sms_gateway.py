"""Test support (not a test): an SMS provider's HTTP gateway on loopback, for the SMS tests.

Run as `/usr/bin/python3 sms_gateway.py PORT DIR [RECEIPT_URL TOKEN]`.
POST /send with {"to", "text", "reference"} (JSON), the way the configured payload template writes it:
  a number ending 0009  400 {"error": "invalid number"}: never
  a number ending 0008  503 the first time for a reference, accepted after that
  a reference seen      the same message id again: a provider that deduplicates sends nothing twice
  otherwise             200 {"message_id": "gw-N"}, the request appended to DIR/requests.jsonl
After accepting, when a receipt URL is given, it posts {"message_id": ..., "status": "DELIVRD"} (a number ending
0007: "UNDELIV") there with the X-Arrears-Token header, as providers post delivery receipts back.
"""
import http.server
import itertools
import json
import os
import sys
import threading
import urllib.request

PORT = int(sys.argv[1])
DIRECTORY = sys.argv[2]
RECEIPT_URL = sys.argv[3] if len(sys.argv) > 4 else ""
TOKEN = sys.argv[4] if len(sys.argv) > 4 else ""
numbers = itertools.count(1)
sent = {}           # reference -> message id
refused_once = set()
lock = threading.Lock()


def post_receipt(message_id, status):
    body = json.dumps({"message_id": message_id, "status": status}).encode()
    request = urllib.request.Request(RECEIPT_URL, data=body, method="POST",
                                     headers={"Content-Type": "application/json", "X-Arrears-Token": TOKEN})
    with open(os.path.join(DIRECTORY, "receipts.log"), "a") as log:
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                log.write("%s %s %d\n" % (message_id, status, answer.status))
        except urllib.error.HTTPError as error:
            log.write("%s %s %d\n" % (message_id, status, error.code))


class Gateway(http.server.BaseHTTPRequestHandler):
    def answer(self, status, document):
        body = json.dumps(document).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        request = json.loads(self.rfile.read(length).decode("utf-8"))
        to, reference = request["to"], request.get("reference", "")
        with lock:
            if to.endswith("0009"):
                return self.answer(400, {"error": "invalid number"})
            if to.endswith("0008") and reference not in refused_once:
                refused_once.add(reference)
                return self.answer(503, {"error": "busy"})
            if reference in sent:
                return self.answer(200, {"message_id": sent[reference]})
            message_id = "gw-%d" % next(numbers)
            sent[reference] = message_id
            with open(os.path.join(DIRECTORY, "requests.jsonl"), "a", encoding="utf-8") as out:
                out.write(json.dumps(dict(request, authorization=self.headers.get("Authorization", "")),
                                     ensure_ascii=False) + "\n")
        self.answer(200, {"message_id": message_id})
        if RECEIPT_URL:
            status = "UNDELIV" if to.endswith("0007") else "DELIVRD"
            threading.Timer(0.2, post_receipt, (message_id, status)).start()

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", PORT), Gateway).serve_forever()
