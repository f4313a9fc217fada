import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def production_env(**extra) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tyollisyysalue.production",
        "SECRET_KEY": "a-production-like-secret-key-that-is-long-and-random-9f8e7d6c5b4a3210",
        "ALLOWED_HOSTS": "tyollisyysalue.example.fi",
        "HETU_ENCRYPTION_KEY": "a-production-like-hetu-encryption-key-0123456789abcdef",
        "HETU_HASH_KEY": "a-production-like-hetu-hash-key-0123456789abcdef",
        **extra,
    }
    # The test process itself allows async-unsafe ORM calls for Playwright; a deployment never does.
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    env.pop("DEBUG", None)
    return env


def test_production_settings_pass_check_deploy():
    env = production_env()
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tyollisyysalue.production", "SECRET_KEY": ""}
    env.pop("DEBUG", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def _templates():
    return [p for p in ROOT.glob("*/templates/**/*.html") if ".venv" not in p.parts]


def test_templates_have_no_inline_script_or_style():
    offenders = []
    for path in _templates():
        text = path.read_text()
        for match in re.finditer(r"<script(?![^>]*\bsrc=)[^>]*>", text):
            if "application/json" not in match.group(0):
                offenders.append(f"{path.relative_to(ROOT)}: {match.group(0)}")
        if re.search(r"\son[a-z]+=\"", text) or re.search(r"\sstyle=\"", text) or "<style" in text:
            offenders.append(f"{path.relative_to(ROOT)}: inline handler or style")
    assert _templates(), "no templates found"
    assert not offenders, offenders


@pytest.mark.django_db
def test_pages_send_a_content_security_policy(client):
    response = client.get("/accounts/kirjaudu/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_collectstatic_builds_the_manifest_production_serves(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=ROOT,
        env=production_env(STATIC_ROOT=str(tmp_path)),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    assert {"css/main.css", "js/htmx.min.js", "js/chart.umd.min.js"} <= set(manifest)
    assert (tmp_path / (manifest["css/main.css"] + ".gz")).exists(), "whitenoise serves the compressed copy"
