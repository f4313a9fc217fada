"""Settings read from the environment; SQLite under var/ when DATABASE_URL is unset."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DEBUG", True)
# Django's own 404/500 pages under DEBUG, for a developer; the demo shows the product's (www/middleware.py).
TECHNICAL_ERROR_PAGES = env_bool("TECHNICAL_ERROR_PAGES", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise RuntimeError("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "development-only-key-not-for-production-use-0123456789abcdef"  # noqa: S105
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h.strip()]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "auditlog",
    "common",
    "accounts",
    "audit",
    "organisation",
    "labour_market",
    "employers",
    "jobseekers",
    "service_model",
    "statements",
    "correspondence",
    "subsidies",
    "planning",
    "competence",
    "cooperation",
    "matching",
    "plan_document",
    "www",
    "operations",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "www.middleware.ProductErrorPagesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.RequireOTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "tyollisyysalue.urls"
WSGI_APPLICATION = "tyollisyysalue.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "www.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'tyollisyysalue.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A deferred transaction that reads before it writes deadlocks with a concurrent one ("database is locked"): both
    # hold a read lock and wait for the other's. Taking the write lock at BEGIN makes the second simply wait its turn.
    DATABASES["default"]["OPTIONS"] = {**DATABASES["default"].get("OPTIONS", {}), "transaction_mode": "IMMEDIATE"}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django turns psycopg's statement preparation off for connection poolers. Only the hot compiled queries
    # (common/prepared.py) bind on the server, and only those can be prepared: after five runs on a connection.
    DATABASES["default"].setdefault("OPTIONS", {})["prepare_threshold"] = 5
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "www:home"
LOGOUT_REDIRECT_URL = "accounts:login"

LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", _("suomi")), ("sv", _("svenska")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = "tyollisyysalue.formats"

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or VAR_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "build" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

REST_FRAMEWORK = {
    # Basic first: its WWW-Authenticate challenge makes a missing or wrong password a 401, not a 403 (DRF answers
    # with the first class's challenge); a signed-in browser still gets in through the session.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.BasicAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # One time-zone convention for every endpoint: Europe/Helsinki offsets, never "Z" (common/api.py).
    "DEFAULT_RENDERER_CLASSES": [
        "common.api.HelsinkiTimeJSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PAGINATION_CLASS": "common.pagination.StrictLimitOffsetPagination",
    "PAGE_SIZE": 100,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": [],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Työllisyysalue API",
    "DESCRIPTION": "Operations system of a Finnish employment area. All endpoints require authentication.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "CooperationServiceTypeEnum": "cooperation.enums.ServiceType",
        "CooperationUrgencyEnum": "cooperation.enums.Urgency",
        "CooperationProcedureEnum": "cooperation.enums.Procedure",
        "CooperationInformationEnum": "cooperation.enums.InformationCategory",
        "CooperationIntegrationPlanStatusEnum": "cooperation.enums.IntegrationPlanStatus",
        "CooperationLanguageTrainingOutcomeEnum": "cooperation.enums.PlaceOutcome",
        "CooperationInfoTopicEnum": "cooperation.enums.InfoTopic",
        "CooperationEventKindEnum": "cooperation.enums.EventKind",
        "JobseekerStatusEnum": "jobseekers.enums.JobseekerStatus",
        "MeetingTypeEnum": "service_model.enums.MeetingType",
        "PhoneStaffingReasonEnum": "planning.erlang.Reason",
        "TaskStatusEnum": "service_model.enums.TaskStatus",
        "DeliveryEnum": "correspondence.enums.Delivery",
        "MeetingChannelEnum": "service_model.enums.Channel",
        "PreferredChannelEnum": "jobseekers.enums.Channel",
        "JournalEntryKindEnum": "jobseekers.enums.JournalEntryKind",
        "SubsidyKindEnum": "subsidies.enums.SubsidyKind",
        "StatementStateEnum": "statements.enums.StatementState",
        "SubsidyApplicationStateEnum": "subsidies.enums.ApplicationState",
        "VacancyStatusEnum": "employers.enums.VacancyStatus",
        "VacancyLanguageEnum": "employers.enums.Language",
        "JobOfferKindEnum": "matching.enums.JobOfferKind",
        "JobOfferOutcomeEnum": "matching.enums.Outcome",
        "CompetenceGroupEnum": "competence.enums.Group",
    },
}

# No inline script or style anywhere: chart data travels through json_script, behaviour lives in static files.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Sessions end after 30 minutes without activity.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", "1800"))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
USE_THOUSAND_SEPARATOR = True

AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = 0.25
AXES_RESET_ON_SUCCESS = True

# The embedded demo may create one account per role; never in production.
DEMO_MODE = env_bool("DEMO_MODE", DEBUG)
# Staff roles need a TOTP second factor unless the demo switches it off (shown as a banner).
REQUIRE_OTP = env_bool("REQUIRE_OTP", not DEBUG)

# Henkilötunnus (HETU): all 11 characters encrypted at rest (AES-GCM) plus a keyed hash (HMAC-SHA256) for exact
# lookup. Production must set both keys (production.py refuses to start without them); the development defaults are
# derived from SECRET_KEY so that a demo database stays readable across restarts.
HETU_ENCRYPTION_KEY = os.environ.get("HETU_ENCRYPTION_KEY", "")
HETU_HASH_KEY = os.environ.get("HETU_HASH_KEY", "")
if DEBUG:
    HETU_ENCRYPTION_KEY = HETU_ENCRYPTION_KEY or f"development-hetu-encryption:{SECRET_KEY}"
    HETU_HASH_KEY = HETU_HASH_KEY or f"development-hetu-hash:{SECRET_KEY}"
# Temporary identity codes (individual number 900–999) are for synthetic demo people only.
ALLOW_TEMPORARY_HETU = env_bool("ALLOW_TEMPORARY_HETU", DEMO_MODE)

# The reference day of worklists and deadlines (YYYY-MM-DD); empty = the real today (service_model/today.py).
SERVICE_MODEL_TODAY = os.environ.get("SERVICE_MODEL_TODAY", "").strip() or None

# Mail to clients (invitations, the plan as a letter; correspondence/services.py). Development prints each message
# on the console; without DEBUG the default is SMTP, so a production server never "sends" a client's letter into its
# log (docs/operations.md, "E-mail to clients").
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "tyollisyysalue@localhost")

AREA_DATA_DIR = BASE_DIR / "data" / "areas"
DEFAULT_AREA = os.environ.get("AREA", "kainuu-koillismaa")

# The largest attachment of a subsidy application, in bytes (subsidies/attachments.py).
SUBSIDY_ATTACHMENT_MAX_BYTES = int(os.environ.get("SUBSIDY_ATTACHMENT_MAX_BYTES", str(10 * 1024 * 1024)))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Sections of an area data folder, written in this order inside one transaction (see organisation/area_data.py).
AREA_DATA_SECTIONS = [
    "organisation.loader.OrganisationSection",
    "labour_market.loader.StatisticsSection",
]
