"""Every log record of the test run is scanned for personal identity codes; one found fails the run.

HETU must never reach a log line (DESIGN.md). The scan covers every logger at INFO and above, across all tests, so a
new code path that logs a person's code is caught without a test written for it.
"""

import logging
import re

import pytest

HETU_PATTERN = re.compile(r"(?<![0-9A-Za-z])[0-3][0-9][01][0-9]{3}[-+A-FU-Y][0-9]{3}[0-9A-Y](?![0-9A-Za-z])")


class _HetuScanner(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.INFO)
        self.findings = []

    def emit(self, record):
        try:
            text = record.getMessage()
        except Exception:  # noqa: BLE001 - a malformed record must not break the scan
            text = str(record.msg)
        if record.exc_info and record.exc_info[1] is not None:
            text += f" {record.exc_info[1]}"
        if HETU_PATTERN.search(text):
            self.findings.append(f"{record.name}: {HETU_PATTERN.sub('<HETU>', text)[:200]}")


_scanner = _HetuScanner()


def pytest_configure(config):
    root = logging.getLogger()
    root.addHandler(_scanner)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)


def pytest_sessionfinish(session, exitstatus):
    # Under pytest-xdist a worker's exit status is not the run's: its findings travel to the controller instead.
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["hetu_findings"] = list(_scanner.findings)
        return
    if _scanner.findings:
        session.exitstatus = 1
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        lines = "\n".join(_scanner.findings[:20])
        message = f"personal identity codes found in {len(_scanner.findings)} log records:\n{lines}"
        if reporter:
            reporter.write_line(message, red=True)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    _scanner.findings.extend(getattr(node, "workeroutput", {}).get("hetu_findings", []))
