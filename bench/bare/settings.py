"""The framework's ceiling: Django with one view, no middleware, no database, no templates.

`make bench` serves it with the same gunicorn settings as Wijkkoers, in the same run, so each
page's throughput can be read as a share of what Django itself can do on this machine.
"""

SECRET_KEY = "bench-bare-view-not-secret"  # noqa: S105 - serves one fixed text, no sessions
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bench.bare.urls"
INSTALLED_APPS: list[str] = []
MIDDLEWARE: list[str] = []
DATABASES: dict = {}
USE_TZ = True
