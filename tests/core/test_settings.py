import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k
        not in (
            "DEBUG",
            "SECRET_KEY",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
            "DATABASE_URL",
            "REDIS_URL",
            "SITE_URL",
            "WEB_CONCURRENCY",
        )
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


def production(tmp_path, **changes) -> dict:
    """A complete production environment; a value of None leaves that variable out."""
    env = {
        "ENVIRONMENT": "production",
        "SECRET_KEY": "x" * 20 + "a-long-random-production-secret-key-0123456789",
        "ALLOWED_HOSTS": "wijkkoers.example.org",
        "SITE_URL": "https://wijkkoers.example.org",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "DATA_DIR": str(tmp_path),
        **changes,
    }
    return {key: value for key, value in env.items() if value is not None}


def setting_in_production(tmp_path, expression, **changes) -> str:
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        f"from django.conf import settings; print({expression})",
        **production(tmp_path, **changes),
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_deploy_check_passes_with_production_settings(tmp_path):
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **production(tmp_path))

    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_production_refuses_debug(tmp_path):
    result = run_manage("check", **production(tmp_path, DEBUG="1"))

    assert result.returncode != 0
    assert "ImproperlyConfigured: DEBUG must be off in production" in result.stderr


def test_production_refuses_to_start_without_site_url(tmp_path):
    result = run_manage("check", **production(tmp_path, SITE_URL=None))

    assert result.returncode != 0
    assert "SITE_URL is required" in result.stderr


def test_production_with_several_workers_refuses_to_start_without_a_shared_cache(tmp_path):
    result = run_manage("check", **production(tmp_path, REDIS_URL=None, WEB_CONCURRENCY="3"))

    assert result.returncode != 0
    assert "REDIS_URL is required" in result.stderr


def test_production_with_workers_by_default_requires_a_shared_cache(tmp_path):
    result = run_manage("check", **production(tmp_path, REDIS_URL=None, WEB_CONCURRENCY=None))

    assert result.returncode != 0
    assert "REDIS_URL is required" in result.stderr


def test_production_with_one_worker_runs_on_sqlite_without_redis(tmp_path):
    result = run_manage("check", **production(tmp_path, REDIS_URL=None, WEB_CONCURRENCY="1"))

    assert result.returncode == 0, result.stderr
    assert "wijkkoers.sqlite3" in setting_in_production(
        tmp_path, "settings.DATABASES['default']['NAME']", REDIS_URL=None, WEB_CONCURRENCY="1"
    )


def test_production_checks_postgresql_connections_before_reuse(tmp_path):
    health_checks = setting_in_production(
        tmp_path,
        "settings.DATABASES['default']['CONN_HEALTH_CHECKS']",
        DATABASE_URL="postgres://wijkkoers@127.0.0.1:5432/wijkkoers",
    )

    assert health_checks == "True"


def test_gunicorn_takes_its_workers_from_web_concurrency_and_trusts_only_the_proxy():
    config = {}
    environment = {"WEB_CONCURRENCY": "5"}
    source = (ROOT / "deploy" / "gunicorn.conf.py").read_text()
    saved = {key: os.environ.get(key) for key in [*environment, "FORWARDED_ALLOW_IPS"]}
    os.environ.update(environment)
    os.environ.pop("FORWARDED_ALLOW_IPS", None)
    try:
        exec(compile(source, "gunicorn.conf.py", "exec"), config)  # noqa: S102 - our own file
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value

    assert config["workers"] == 5
    assert config["forwarded_allow_ips"] == "127.0.0.1,::1"
    assert config["bind"].startswith("127.0.0.1:")


def test_migrations_are_a_release_step_not_part_of_every_start():
    unit = (ROOT / "deploy" / "wijkkoers.service").read_text()

    commands = [line for line in unit.splitlines() if line.startswith("Exec")]
    assert not any("migrate" in line for line in commands)
    assert "manage.py migrate" in (ROOT / "deploy" / "README.md").read_text()


def test_mail_server_gets_a_timeout():
    from django.conf import settings

    assert 0 < settings.EMAIL_TIMEOUT <= 30


def test_apps_nothing_uses_are_not_installed():
    from django.conf import settings

    unused = {
        "wagtail.contrib.forms",
        "wagtail.contrib.redirects",
        "wagtail.contrib.settings",
        "wagtail.embeds",
        "django.contrib.humanize",
    }
    assert unused.isdisjoint(settings.INSTALLED_APPS)


def test_secret_key_file_is_created_readable_by_its_owner_only(tmp_path, monkeypatch):
    from wijkkoers.settings import read_or_create_key

    # With a permissive umask and no chmod afterwards, only the mode given at creation
    # protects the key.
    monkeypatch.setattr(Path, "chmod", lambda *args, **kwargs: None)
    old_umask = os.umask(0)
    try:
        key = read_or_create_key(tmp_path / "data" / "secret_key")
    finally:
        os.umask(old_umask)

    assert (tmp_path / "data" / "secret_key").stat().st_mode & 0o777 == 0o600
    assert read_or_create_key(tmp_path / "data" / "secret_key") == key


def test_production_refuses_to_start_without_secret_key(tmp_path):
    result = run_manage("check", **production(tmp_path, SECRET_KEY=None))

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


STATIC_CHECK = """
from django.templatetags.static import static
from django.test import Client
client = Client(HTTP_HOST="wijkkoers.example.org")
hashed = static("wijkkoers/css/wijkkoers.css")
for url in (hashed, "/static/wijkkoers/css/wijkkoers.css"):
    response = client.get(url, secure=True, HTTP_ACCEPT_ENCODING="gzip, br")
    print(url, response.status_code, response["Cache-Control"], response.get("Content-Encoding"))
"""


def test_hashed_static_files_are_kept_for_a_year_compressed(tmp_path):
    env = production(tmp_path, STATIC_ROOT=str(tmp_path / "static"), WEB_CONCURRENCY="1")
    collected = run_manage("collectstatic", "--no-input", "--verbosity", "0", **env)
    assert collected.returncode == 0, collected.stderr

    result = run_manage("shell", "--no-imports", "-c", STATIC_CHECK, **env)

    assert result.returncode == 0, result.stderr
    hashed, plain = result.stdout.strip().splitlines()
    url, status, *cache_control, encoding = hashed.split(" ")
    assert url.startswith("/static/wijkkoers/css/wijkkoers.")
    assert url != "/static/wijkkoers/css/wijkkoers.css"
    assert status == "200"
    assert " ".join(cache_control) == "max-age=31536000, public, immutable"
    assert encoding in {"gzip", "br"}
    assert "immutable" not in plain  # the unhashed name may change content: short lifetime
