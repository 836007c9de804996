import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    environment.update(env)
    return subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, str(ROOT / "manage.py"), *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        check=False,
    )


def test_deploy_check_passes_with_production_settings(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        ENVIRONMENT="production",
        SECRET_KEY="x" * 20 + "a-long-random-production-secret-key-0123456789",
        ALLOWED_HOSTS="wijkkoers.example.org",
        DATA_DIR=str(tmp_path),
    )

    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key(tmp_path):
    result = run_manage(
        "check", ENVIRONMENT="production", ALLOWED_HOSTS="x.example.org", DATA_DIR=str(tmp_path)
    )

    assert result.returncode != 0
    assert "SECRET_KEY is required" in result.stderr


def test_development_keeps_a_generated_secret_key(tmp_path):
    run_manage("check", DATA_DIR=str(tmp_path))
    first = (tmp_path / "secret_key").read_text()
    run_manage("check", DATA_DIR=str(tmp_path))

    assert len(first) > 40
    assert (tmp_path / "secret_key").read_text() == first


def test_sqlite_is_tuned_for_concurrency():
    from django.conf import settings

    options = settings.SQLITE_OPTIONS
    assert "journal_mode=WAL" in options["init_command"]
    assert "busy_timeout" in options["init_command"]
    assert options["transaction_mode"] == "IMMEDIATE"
