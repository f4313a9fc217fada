"""The identity code at rest: AES-256-GCM encryption of all 11 characters plus a keyed hash for exact lookup.

* `encrypt`/`decrypt`: a version byte, a random 96-bit nonce and the AES-GCM ciphertext with its tag. The associated
  data binds the ciphertext to its purpose, so a token copied into another column does not decrypt there.
* `lookup_hash`: HMAC-SHA256 under a separate key, hex. Equal codes give equal hashes (unique per area, so a second
  registration is refused); the same digits with another century sign are another code and another hash.
* Keys come from settings (HETU_ENCRYPTION_KEY, HETU_HASH_KEY) and are stretched to 256 bits with HMAC-SHA256 under
  a fixed label, so any long random string works as a key. The cipher and the MAC key are cached: encrypting and
  hashing 700 000 codes takes a few seconds (benchmarks/population.py).
* `validate`: the Django-facing check. Errors are `ValidationError`s whose message names the field and the reason
  and never contains the code (jobseekers.hetu.HetuError).
"""

import hashlib
import hmac
import os
from datetime import date
from functools import lru_cache

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils import timezone
from django.views.decorators.debug import sensitive_variables

from jobseekers import hetu

VERSION = b"\x01"
NONCE_BYTES = 12
ASSOCIATED_DATA = b"tyollisyysalue:jobseeker.hetu:v1"


def _derive(secret: str, label: bytes) -> bytes:
    if not secret:
        raise ImproperlyConfigured("HETU_ENCRYPTION_KEY and HETU_HASH_KEY must be set")
    return hmac.new(secret.encode(), label, hashlib.sha256).digest()


@lru_cache(maxsize=4)
def _cipher(secret: str) -> AESGCM:
    return AESGCM(_derive(secret, b"hetu-aes-256-gcm"))


@lru_cache(maxsize=4)
def _mac_key(secret: str) -> bytes:
    return _derive(secret, b"hetu-hmac-sha256")


@sensitive_variables("code")
def encrypt(code: str) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return VERSION + nonce + _cipher(settings.HETU_ENCRYPTION_KEY).encrypt(nonce, code.encode(), ASSOCIATED_DATA)


def decrypt(token: bytes) -> str:
    token = bytes(token)
    if token[:1] != VERSION:
        raise ValueError("henkilötunnus: tuntematon salausversio")
    nonce, ciphertext = token[1 : 1 + NONCE_BYTES], token[1 + NONCE_BYTES :]
    try:
        return _cipher(settings.HETU_ENCRYPTION_KEY).decrypt(nonce, ciphertext, ASSOCIATED_DATA).decode()
    except InvalidTag:
        raise ValueError("henkilötunnus: salauksen purku epäonnistui (väärä avain tai muuttunut tieto)") from None


@sensitive_variables("code")
def lookup_hash(code: str) -> str:
    return hmac.new(_mac_key(settings.HETU_HASH_KEY), code.encode(), hashlib.sha256).hexdigest()


def hasher():
    """A fast hashing function bound to the current key, for bulk work (the key is looked up once)."""
    key = _mac_key(settings.HETU_HASH_KEY)
    sha256 = hashlib.sha256

    def digest(code: str) -> str:
        return hmac.new(key, code.encode(), sha256).hexdigest()

    return digest


def encrypter():
    """A fast encrypting function bound to the current key, for bulk work."""
    cipher = _cipher(settings.HETU_ENCRYPTION_KEY)
    urandom = os.urandom

    def seal(code: str) -> bytes:
        nonce = urandom(NONCE_BYTES)
        return VERSION + nonce + cipher.encrypt(nonce, code.encode(), ASSOCIATED_DATA)

    return seal


@sensitive_variables("value")
def validate(value: str, *, today: date | None = None, allow_temporary: bool | None = None) -> hetu.Hetu:
    """Parse a typed identity code; temporary numbers only when ALLOW_TEMPORARY_HETU (or the caller) allows them."""
    if allow_temporary is None:
        allow_temporary = settings.ALLOW_TEMPORARY_HETU
    try:
        return hetu.parse(value or "", today=today or timezone.localdate(), allow_temporary=allow_temporary)
    except hetu.HetuError as error:
        raise ValidationError(error.message, code=f"hetu_{error.code}") from None


def mask(code: str) -> str:
    """The birth date and century sign, the rest hidden: enough to tell two people apart on screen."""
    return code[:7] + "••••"


@sensitive_variables("value")
def validate_readings(value: str, *, allow_temporary: bool | None = None) -> list[hetu.Hetu]:
    """Like `validate`, but a code typed without its century sign gives every valid code it can be (hetu.readings)."""
    if allow_temporary is None:
        allow_temporary = settings.ALLOW_TEMPORARY_HETU
    try:
        return hetu.readings(value or "", today=timezone.localdate(), allow_temporary=allow_temporary)
    except hetu.HetuError as error:
        raise ValidationError(error.message, code=f"hetu_{error.code}") from None
