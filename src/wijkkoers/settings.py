"""Wijkkoers settings: one file, driven by environment variables.

Development needs none of them: SQLite in ./data, a generated secret key kept in
./data/secret_key, e-mail written to ./data/mail. Production (ENVIRONMENT=production)
refuses to start without SECRET_KEY, ALLOWED_HOSTS and SITE_URL, with DEBUG on, or with
several worker processes and no shared cache (REDIS_URL); see deploy/README.md.
"""

import os
import secrets
import sys
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent  # src/wijkkoers
PROJECT_DIR = BASE_DIR.parent.parent
DATA_DIR = Path(os.environ.get("DATA_DIR", PROJECT_DIR / "data"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# ENVIRONMENT=production switches on everything a public server needs (DEBUG off, HTTPS,
# a given secret key and host names); the default, development, needs nothing set.
ENVIRONMENT = os.environ.get("ENVIRONMENT", "development")
if ENVIRONMENT not in {"development", "production"}:
    raise ImproperlyConfigured("ENVIRONMENT must be 'development' or 'production'.")
PRODUCTION = ENVIRONMENT == "production"
TESTING = "pytest" in sys.modules
DEBUG = env_bool("DEBUG", not PRODUCTION and not TESTING)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production: unset DEBUG or set DEBUG=0.")


def read_or_create_key(key_file: Path) -> str:
    """The key in `key_file`, generated first if there is none.

    The file is created readable by its owner only (never chmod-ed afterwards, which would
    leave a moment in which others could read it); O_EXCL means two processes starting at
    once never both write it.
    """
    key_file.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return key_file.read_text().strip()
    with os.fdopen(fd, "w") as file:
        file.write(secrets.token_urlsafe(50))
    return key_file.read_text().strip()


def _secret_key() -> str:
    if key := os.environ.get("SECRET_KEY"):
        return key
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY is required in production.")
    # Development: generate once and keep it, so sessions survive a restart.
    return read_or_create_key(DATA_DIR / "secret_key")


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS is required in production.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# The address in links we send (invitations); in production it must be the real one.
SITE_URL = os.environ.get("SITE_URL", "" if PRODUCTION else "http://127.0.0.1:8000").rstrip("/")
if PRODUCTION and not SITE_URL:
    raise ImproperlyConfigured("SITE_URL is required in production (https://your.host).")

INSTALLED_APPS = [
    "wijkkoers.core",
    "wijkkoers.accounts",
    "wijkkoers.method",
    "wijkkoers.projects",
    "wijkkoers.logbook",
    "wijkkoers.tools",
    "wijkkoers.stakeholders",
    "wijkkoers.goals",
    "wijkkoers.raci",
    "wijkkoers.housingcost",
    "wijkkoers.opportunities",
    "wijkkoers.exports",
    "wijkkoers.api",
    "ninja",  # its static files: Swagger UI for the API docs (api/docs.py)
    "wijkkoers.audit",
    # Wagtail: the CMS for the method content. No embeds, forms, redirects or site
    # settings: nothing uses them. Images and documents stay because Wagtail's admin
    # needs their API endpoints on every page.
    "wagtail.contrib.routable_page",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Accounts: e-mail login, verification, two-factor.
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rules.apps.AutodiscoverRulesConfig",
    "django_htmx",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "wijkkoers.core.static.StaticFilesMiddleware",
    # A stored method page for an anonymous visitor is answered here, with the headers the
    # middleware below added when it was rendered (method/page_cache.py).
    "wijkkoers.method.page_cache.AnonymousPageCacheMiddleware",
    "wijkkoers.core.middleware.SecurityHeadersMiddleware",
    "wijkkoers.core.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Any error answer under /api/ as JSON in the caller's language (the 413 below included).
    "wijkkoers.api.middleware.ApiJsonErrorsMiddleware",
    # Before anything reads the body (the CSRF check does), after the language is known.
    "wijkkoers.core.limits.RequestBodyLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "wijkkoers.urls"
WSGI_APPLICATION = "wijkkoers.wsgi.application"
# Django's renderer, with select menus drawn in Python (the same HTML, far less work).
FORM_RENDERER = "wijkkoers.core.widgets.FormRenderer"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wijkkoers.core.context_processors.site",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------------------
# SQLite is the embedded default, tuned for a small team writing at once: WAL lets readers
# and a writer work side by side, busy_timeout waits instead of failing, and IMMEDIATE
# transactions take the write lock up front so two writers never deadlock on an upgrade.
SQLITE_OPTIONS = {
    "init_command": (
        "PRAGMA journal_mode=WAL;"
        "PRAGMA synchronous=NORMAL;"
        "PRAGMA busy_timeout=5000;"
        "PRAGMA foreign_keys=ON;"
    ),
    "transaction_mode": "IMMEDIATE",
    "timeout": 5,
}
DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{DATA_DIR / 'wijkkoers.sqlite3'}")
# PostgreSQL keeps connections for a minute and checks one before reusing it, so a
# restarted database server costs one retry instead of an error page.
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = False
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("TEST_DATABASE_NAME")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USING_POSTGRES = DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql")

# --- Cache ------------------------------------------------------------------------------
if REDIS_URL := os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {"BACKEND": "wijkkoers.core.cache.SharedClientRedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Login throttling (and later the method cache) must be shared by every worker process:
# a local-memory cache per worker would multiply the allowed guesses and serve stale
# content. gunicorn takes its worker count from WEB_CONCURRENCY (deploy/gunicorn.conf.py).
WEB_CONCURRENCY = int(os.environ.get("WEB_CONCURRENCY", "3"))
if PRODUCTION and not REDIS_URL and WEB_CONCURRENCY != 1:
    raise ImproperlyConfigured(
        "REDIS_URL is required in production with more than one worker process "
        "(set WEB_CONCURRENCY=1 to run a single worker without Redis)."
    )
# Method pages for anonymous visitors are kept whole in the cache (method/page_cache.py).
METHOD_PAGE_CACHE = env_bool("METHOD_PAGE_CACHE", True)
# Parts of project pages kept per project until it changes (projects/freshness.py).
PROJECT_PARTS_CACHE = env_bool("PROJECT_PARTS_CACHE", True)
# Sessions are read from the cache and written through to the database: a logged-in page
# saves its session query. Safe because several processes always share Redis (above).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- Accounts ---------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "wijkkoers.accounts.validators.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
# One login for the whole site: Wagtail's own login would skip two-factor, e-mail
# verification and throttling, so the CMS sends people to allauth's (see urls.py).
WAGTAILADMIN_LOGIN_URL = "account_login"
# A member lands on their projects; `?next=` still wins when a page sent them to log in.
LOGIN_REDIRECT_URL = "projects:portfolio"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "wijkkoers.accounts.forms.SignupForm"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Wijkkoers] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if PRODUCTION else "http"
ACCOUNT_ADAPTER = "wijkkoers.accounts.adapter.AccountAdapter"
# Throttling: after 5 wrong passwords for one account from one address (or 20 from one
# address for any accounts) within 15 minutes, allauth refuses further attempts from that
# address with a clear message until the window ends. The adapter puts the address in the
# account's key, so a stranger's guesses never lock the owner out elsewhere.
ACCOUNT_RATE_LIMITS = {"login_failed": "20/15m/ip,5/15m/key"}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Wijkkoers"

# --- E-mail -----------------------------------------------------------------------------
# A slow mail server must not hold a worker (or the task runner) for ever.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Wijkkoers <noreply@wijkkoers.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if EMAIL_HOST := os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    # Without a mail server every message is written to a file, so a developer can
    # still open a verification or invitation link.
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(DATA_DIR / "mail"))

# --- Language ---------------------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- Static and media -------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", DATA_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if not PRODUCTION
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# The REST API (wijkkoers.api): requests per minute per API token, and per client address
# for the public method endpoints (api/ratelimit.py).
API_RATE_PER_TOKEN = int(os.environ.get("API_RATE_PER_TOKEN", 120))
API_RATE_PER_ADDRESS = int(os.environ.get("API_RATE_PER_ADDRESS", 60))

# One limit for a whole request body, files included (wijkkoers.core.limits). A page that
# needs larger files gets its own limit by path prefix, e.g. {"/projecten/": 50 * MB}.
MAX_REQUEST_BODY_SIZE = 5 * 1024 * 1024
MAX_REQUEST_BODY_SIZE_BY_PATH: dict[str, int] = {
    # A whole project imported from another installation (exports/services.py).
    "/projecten/importeren/": 101 * 1024 * 1024,
    # A logbook document may be 25 MB (logbook/filetypes.py); its form fields come on top.
    "/projecten/*/logboek/documenten/toevoegen/": 26 * 1024 * 1024,
}
# The largest project export (zip) an import accepts.
PROJECT_IMPORT_MAX_SIZE = 100 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Security ---------------------------------------------------------------------------
HTTPS = env_bool("HTTPS", PRODUCTION)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31536000 if HTTPS else 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", HTTPS)
# HTTPS ends at the proxy; gunicorn sets the scheme from X-Forwarded-Proto only when the
# request comes from the proxy (forwarded_allow_ips, deploy/gunicorn.conf.py), so Django
# does not read that header itself (no SECURE_PROXY_SSL_HEADER).
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
# Behind the proxy every request comes from the proxy's address; login throttling counts
# per client, so allauth reads it from the last X-Forwarded-For entry, the one our proxy
# adds (anything before it the client could have written).
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", 1 if BEHIND_PROXY else 0))
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Strict policy for our own pages: no inline script or style, nothing from elsewhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
# The Wagtail admin still uses inline scripts and styles; it gets a looser policy there.
CSP_RELAXED_PATH_PREFIXES = ("/cms/",)

# --- Wagtail ----------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Wijkkoers"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar: our CSP allows no images from elsewhere, and it would tell Gravatar who
# edits; Wagtail then shows its own default avatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Passwords are changed and reset through allauth only (it notifies and throttles).
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "csv", "txt"]
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        **({"SEARCH_CONFIG": "dutch"} if USING_POSTGRES else {}),
    }
}

# --- Background tasks -------------------------------------------------------------------
# Production queues work in the database for `manage.py db_worker` (see deploy/). Elsewhere
# tasks run at once, so a developer needs no worker (Wagtail's search indexing is a task).
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks_db.DatabaseBackend"
            if PRODUCTION
            else "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

# --- Logging ----------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # Wagtail logs every page save at INFO; loading the method would flood the output.
        "wagtail": {"level": "WARNING"},
        # WeasyPrint logs every step of every PDF at INFO, and each CSS rule it skips.
        "weasyprint": {"level": "ERROR"},
    },
}

SITE_NAME = _("Wijkkoers")
# Who answers questions about this installation (the contact and privacy pages, mails).
# Development defaults are placeholders; an installation sets its own.
CONTACT_NAME = os.environ.get("CONTACT_NAME", "" if PRODUCTION else "Wijkkoers (ontwikkeling)")
CONTACT_EMAIL = os.environ.get("CONTACT_EMAIL", "" if PRODUCTION else "contact@wijkkoers.localhost")
