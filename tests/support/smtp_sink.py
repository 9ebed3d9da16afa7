"""Test support (not a test): an aiosmtpd handler for the email tests.

Run as `/usr/bin/python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c smtp_sink.Sink DIR` with this folder on PYTHONPATH.
Keeps every message it accepts as DIR/NNNN.eml. Recipients decide how it answers:
  refuse...@  550: the mailbox does not exist (a permanent failure)
  busy...@    451: try again later, every time
  flaky...@   451 the first time, accepted after that
"""
import itertools
import os


class Sink:
    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 1:
            parser.error("smtp_sink.Sink takes the folder to keep messages in")
        return cls(args[0])

    def __init__(self, directory):
        self.directory = directory
        self.numbers = itertools.count(1)
        self.refused_once = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@")[0].lower()
        if local.startswith("refuse"):
            return "550 5.1.1 mailbox unavailable"
        if local.startswith("busy"):
            return "451 4.3.0 try again later"
        if local.startswith("flaky") and address not in self.refused_once:
            self.refused_once.add(address)
            return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        path = os.path.join(self.directory, "%04d.eml" % next(self.numbers))
        with open(path + ".tmp", "wb") as out:
            out.write(envelope.original_content or envelope.content)
        os.rename(path + ".tmp", path)
        return "250 Message accepted for delivery"
