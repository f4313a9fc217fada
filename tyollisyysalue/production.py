"""Production settings: everything of settings.py, hardened. Use DJANGO_SETTINGS_MODULE=tyollisyysalue.production."""

import os

os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("DEMO_MODE", "false")
os.environ.setdefault("REQUIRE_OTP", "true")

from tyollisyysalue.settings import *  # noqa: E402,F403
from tyollisyysalue.settings import STORAGES  # noqa: E402

DEBUG = False

if len(HETU_ENCRYPTION_KEY) < 32 or len(HETU_HASH_KEY) < 32:  # noqa: F405
    raise RuntimeError("HETU_ENCRYPTION_KEY and HETU_HASH_KEY must be set (at least 32 characters) in production")

SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() != "false"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
