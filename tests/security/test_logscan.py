import logging

from jobseekers.hetu import synthetic
from tests.logscan import HETU_PATTERN, _HetuScanner


def test_pattern_finds_codes_with_every_century_sign():
    for code in ["131052-308T", "010594Y9032", "010100A9006", "311299+900L"]:
        assert HETU_PATTERN.search(f"user looked up {code} today"), code


def test_pattern_ignores_dates_and_ids():
    for text in ["2023-08-31", "id=1234567", "1 234,5", "KU205", "TYOTTOMATLOPUSSA"]:
        assert not HETU_PATTERN.search(text), text


def test_scanner_records_a_logged_code_without_repeating_it():
    from datetime import date

    code = synthetic(date(1990, 5, 17), 905)
    scanner = _HetuScanner()
    logger = logging.getLogger("tests.logscan.probe")
    logger.addHandler(scanner)
    # Kept away from the run-wide scanner, which would rightly fail the whole run on this planted code.
    logger.propagate = False
    try:
        logger.warning("lookup failed for %s", code)
    finally:
        logger.removeHandler(scanner)
    assert len(scanner.findings) == 1
    assert code not in scanner.findings[0]


def test_a_code_logged_in_a_parallel_worker_fails_the_run(pytester, monkeypatch, settings):
    """`make test` runs in pytest-xdist workers; a worker's finding must still fail the whole run."""
    from datetime import date

    monkeypatch.setenv("PYTHONPATH", str(settings.BASE_DIR))

    code = synthetic(date(1990, 5, 17), 905)
    pytester.makepyfile(
        test_planted=f"""
import logging

def test_logs_a_code():
    logging.getLogger("planted").warning("lookup failed for {code}")
"""
    )
    result = pytester.runpytest_subprocess("-p", "tests.logscan", "-p", "no:django", "-n", "2")
    assert result.ret == 1
    result.stdout.fnmatch_lines(["*personal identity codes found in 1 log records*"])
    assert code not in result.stdout.str()
