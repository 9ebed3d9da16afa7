"""Test support (not a test): prints a received email as JSON (headers decoded, text and HTML parts)."""
import email
import email.policy
import json
import sys

with open(sys.argv[1], "rb") as f:
    message = email.message_from_binary_file(f, policy=email.policy.default)
parts = {}
for part in message.walk():
    if part.get_content_maintype() == "text":
        parts[part.get_content_subtype()] = part.get_content()
print(json.dumps({
    "from": str(message["From"]),
    "to": str(message["To"]),
    "subject": str(message["Subject"]),
    "message_id": str(message["Message-ID"]),
    "date": str(message["Date"]),
    "content_type": message.get_content_type(),
    "text": parts.get("plain", ""),
    "html": parts.get("html", ""),
}, ensure_ascii=False))
