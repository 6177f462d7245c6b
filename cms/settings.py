"""Settings for the Restorative Practice Centre platform.

Every setting comes from the environment, with defaults that let a fresh checkout run
on one machine (SQLite, local-memory cache, immediate tasks, console email). Nothing here
assumes a single process: shared state lives in the database or the cache.
"""

import os
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)
TESTING = env_bool("TESTING", "pytest" in sys.modules)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-only-for-debug-mode-" + "x" * 20

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
CENTRE_NAME = env_str(
    "CENTRE_NAME", "Centre for Excellence in Restorative Practice and Leadership"
)
WAGTAIL_SITE_NAME = CENTRE_NAME

INSTALLED_APPS = [
    # Our apps come first so that their templates override allauth's and Wagtail's.
    "cms",
    "cpd",
    "courses",
    "events",
    "secondments",
    "outcomes",
    "partnerships",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "cms.apps.CentreUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.socialaccount.providers.saml",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
]

FORM_RENDERER = "cms.forms.SiteFormRenderer"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "cms.middleware.KeptUserAuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.middleware.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "cms.page_cache.AnonymousPageCacheMiddleware",
    "cms.middleware.AdminAccessMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "cms.api.middleware.ApiRequestLogMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "cms.context_processors.site",
            ],
        },
    },
]

# Databases: SQLite by default; DATABASE_URL (e.g. postgres://...) past one machine.
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60), conn_health_checks=True
        )
    }
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # The report queries are short; PostgreSQL's JIT spent seconds compiling them.
        DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env_str("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            # A connection kept between requests: opening one reads the whole schema
            # (some 300 tables and indexes), half the cost of a cached page.
            "CONN_MAX_AGE": env_int("DB_CONN_MAX_AGE", 60),
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": {
                # Concurrent writers queue for the write lock instead of failing with
                # "database is locked" half-way through a booking.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
# The shared cache's table when there is no Redis; every `migrate` creates it (cms.apps).
DATABASE_CACHE_TABLE = "cache_entries"
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "cms.cache.RedisCache",  # a client per pool, not per call
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "rpc"),
        }
    }
elif DEBUG or TESTING:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    # Production without Redis: a cache every worker and server shares, in the database
    # (`manage.py createcachetable`, run by `make run` and the deploy steps in the README).
    # allauth's rate limits and its "this code was already used" marker for authenticator
    # codes live in the cache; a per-process cache would give each worker its own count.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": DATABASE_CACHE_TABLE,
            "OPTIONS": {"MAX_ENTRIES": env_int("DATABASE_CACHE_MAX_ENTRIES", 100_000)},
        }
    }

# What every visitor sees alike (anonymous pages, routes, menus, course facts) and each
# person's roles are kept per process and in this cache, trusted only while a generation
# number in this cache is unchanged (read once per request); the signed-in person and their
# own part of each page are kept per process under their own generation: see
# cms/page_cache.py.

# Sessions live in the database. With a shared Redis cache they are also read through it
# (written to both), which saves a query on every signed-in request. Never through a
# per-process cache: a sign-out on one server would not reach the others. cms.sessions are
# Django's engines with the one read per request made as plain SQL (cms/sessions).
SESSION_ENGINE = "cms.sessions.cached_db" if REDIS_URL else "cms.sessions.db"

# Anonymous visitors' pages are cached this many seconds (0: off). Off in development and
# tests, so what you change shows at once; publishing a page drops the cache anyway.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0 if DEBUG or TESTING else 60)

# Background work: immediate in development and tests; the database queue in production
# (TASKS_BACKEND=database), run by `python manage.py db_worker`.
TASKS_BACKEND = env_str("TASKS_BACKEND", "immediate")
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
            "dummy": "django_tasks.backends.dummy.DummyBackend",
        }[TASKS_BACKEND],
        "QUEUES": ["default"],
    }
}

AUTH_USER_MODEL = "cms.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/home/"  # the personal home: what is due for this person
WAGTAILADMIN_LOGIN_URL = "/accounts/login/"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_SIGNUP_FORM_CLASS = "cms.forms.SignupForm"
ACCOUNT_ADAPTER = "cms.adapters.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if not DEBUG else "http"
# allauth's rate limits are left at its defaults (sign-in failures, password reset, sign-up,
# email confirmation, re-authentication...); they count per client address, which comes
# from the trusted proxy header below, in the shared cache above.
# The public "Check a certificate" page counts its look-ups by the same rule, per address
# (courses.views.certificate_check): enough for an employer, far too few to walk numbers.
ACCOUNT_RATE_LIMITS = {
    "check_certificate": env_str("CERTIFICATE_CHECK_RATE_LIMIT", "10/m/ip,60/h/ip"),
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]

# Single sign-on per organisation (cms/sso.py, README "Single sign-on"): allauth's own
# OpenID Connect and SAML providers, one per organisation, configured by staff in the admin.
# A first sign-in creates the account, or links it to an existing account whose matching
# address is verified; the adapter refuses addresses outside the organisation's domains.
SOCIALACCOUNT_ADAPTER = "cms.sso.SignOnAdapter"
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_STORE_TOKENS = False

# Client addresses behind a proxy or load balancer. Unset: REMOTE_ADDR (no proxy). Set
# TRUSTED_PROXY_HEADER to the header your proxy sets and clients cannot (for example
# X-Real-IP), or to X-Forwarded-For with TRUSTED_PROXY_COUNT the number of proxies in front
# of the app (the address that many entries from the right is the client's; anything
# further left was written by the client and is ignored).
TRUSTED_PROXY_HEADER = env_str("TRUSTED_PROXY_HEADER")
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1)

# One door in (cms/urls.py): Wagtail's own password screens and shared-password pages and
# documents are off; passwords are reset and changed through allauth.
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
MFA_TOTP_ISSUER = "Restorative Practice Centre"

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(BASE_DIR / "sent-mail"))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Restorative Practice Centre <centre@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LANGUAGE_CODE = "en-gb"
# Plain-English wording for the login library's pages (locale/en_GB/LC_MESSAGES).
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "cms.storage.StaticFilesStorage"  # hashed names, addresses kept per process
        )
    },
}

WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
# The content security policy allows images from this site only, so a Gravatar picture is
# a broken image on the admin home and in the menu: Wagtail's own default avatar instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Autosave is off by default: in Wagtail 8.0 it turns a new page into a draft a moment after
# an edit and then swaps the form, and Publish pressed in between posts a second "create"
# ("slug already in use", once a 500). Milliseconds between autosaves; 0 is off.
WAGTAIL_AUTOSAVE_INTERVAL = env_int("WAGTAIL_AUTOSAVE_INTERVAL", 0)
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"

# Security. With DEBUG off (production), every check --deploy warning is addressed.
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 8)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Content-Security-Policy (django-csp 4). No 'unsafe-inline' for scripts; the Wagtail
# admin needs inline styles and scripts of its own, so it is excluded by path.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

# The REST API (cms/api/, README "The API"): bearer tokens only (no session cookies, so no
# CSRF to think about), read-only, paginated, and rate-limited per token (or per client
# address without one) in the shared cache.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["cms.api.auth.TokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_THROTTLE_CLASSES": ["cms.api.auth.RateLimit"],
    "DEFAULT_PAGINATION_CLASS": "cms.api.pagination.ApiPagination",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
API_TOKEN_RATE = env_str("API_TOKEN_RATE", "1000/hour")
API_ANONYMOUS_RATE = env_str("API_ANONYMOUS_RATE", "300/hour")
SPECTACULAR_SETTINGS = {
    "TITLE": "Restorative Practice Centre API",
    "DESCRIPTION": (
        "Read-only. Public endpoints need no token. `/api/v1/me/...` needs a personal token "
        "(made on your profile page); `/api/v1/organisation/...` an organisation token "
        "(issued by Centre staff). Send it as `Authorization: Bearer <token>`."),
    "VERSION": "1",
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # No call to the public swagger.io validator: the docs page talks to this site only.
    "SWAGGER_UI_SETTINGS": {"validatorUrl": None, "deepLinking": True},
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "DEFAULT_GENERATOR_CLASS": "cms.api.schema.ApiSchemaGenerator",
    "COMPONENT_SPLIT_REQUEST": True,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# Mentoring: how many open bookings a mentee may hold at once; how long a sponsor's
# endorsement link lasts (seconds).
MENTORING_MAX_OPEN_BOOKINGS = env_int("MENTORING_MAX_OPEN_BOOKINGS", 3)
SECONDMENT_SPONSOR_LINK_MAX_AGE = env_int("SECONDMENT_SPONSOR_LINK_MAX_AGE", 60 * 60 * 24 * 21)
# Applications mail the applicant's text to the sponsor they name: at most this many
# different sponsors per applicant in any 24 hours.
SECONDMENT_NEW_SPONSORS_PER_DAY = env_int("SECONDMENT_NEW_SPONSORS_PER_DAY", 3)

# E-learning (SCORM) packages: the limits an uploaded zip is checked against before anything
# is extracted (courses/scorm.py).
ELEARNING_MAX_UPLOAD_MB = env_int("ELEARNING_MAX_UPLOAD_MB", 200)
ELEARNING_MAX_UNCOMPRESSED_MB = env_int("ELEARNING_MAX_UNCOMPRESSED_MB", 500)
ELEARNING_MAX_FILES = env_int("ELEARNING_MAX_FILES", 5000)
ELEARNING_MAX_COMPRESSION_RATIO = env_int("ELEARNING_MAX_COMPRESSION_RATIO", 100)

# Retention (in days unless stated), applied by `purge_expired`.
ACCESS_REQUIREMENTS_RETENTION_DAYS = env_int("ACCESS_REQUIREMENTS_RETENTION_DAYS", 7)
UNVERIFIED_ACCOUNT_RETENTION_DAYS = env_int("UNVERIFIED_ACCOUNT_RETENTION_DAYS", 30)
INACTIVE_ACCOUNT_RETENTION_YEARS = env_int("INACTIVE_ACCOUNT_RETENTION_YEARS", 6)

# Verifiable credentials (Open Badges 3.0): the Centre's Ed25519 signing keys, newest first,
# comma-separated, each made by `manage.py make_credential_key`. Required with DEBUG off
# (check cms.E101); in development and tests one is derived from SECRET_KEY
# (cms/credential_keys.py).
CREDENTIAL_SIGNING_KEYS = env_list("CREDENTIAL_SIGNING_KEYS")

# Operations (README "Running the service"). /healthz reports the queue as failing when its
# oldest ready task has waited longer than this (seconds).
HEALTHZ_QUEUE_MAX_AGE = env_int("HEALTHZ_QUEUE_MAX_AGE", 300)
# `make bench` only: serve /bench/ceiling, a bare Django view (through the whole middleware
# stack; the page cache leaves it alone) whose speed is the ceiling every page is measured
# against. Off everywhere else.
BENCH_CEILING = env_bool("BENCH_CEILING", False)
# Calendar entries' UIDs end in this domain of their own, not the site's address, so that
# moving the site does not re-key every event in people's calendars.
CALENDAR_UID_DOMAIN = env_str("CALENDAR_UID_DOMAIN", "restorative-practice-centre")
# Task workers (manage.py run_worker) beat every WORKER_HEARTBEAT_SECONDS; a task held by a
# worker silent for WORKER_STALE_SECONDS goes back on the queue.
WORKER_HEARTBEAT_SECONDS = env_int("WORKER_HEARTBEAT_SECONDS", 10)
WORKER_STALE_SECONDS = env_int("WORKER_STALE_SECONDS", 60)
