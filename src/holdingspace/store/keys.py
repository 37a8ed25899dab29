"""The key file: a random data key, wrapped by a key derived from the passphrase.

The passphrase never touches the data directly. Argon2id turns it into a key-encryption key
that wraps (AES-256-GCM) a random 256-bit data key; the data key opens the SQLCipher database
and seals backups. Changing the passphrase rewraps the data key in one atomic write and
re-encrypts nothing. The file describes itself: a format name, a version, and the KDF
parameters and salt, so the cost can be raised later without breaking old journals.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import asdict, dataclass
from typing import Any

from holdingspace.core.errors import CorruptData, InvalidInput, WrongPassphrase

FORMAT = "holdingspace-key"
VERSION = 1
DATA_KEY_BYTES = 32
MIN_PASSPHRASE_CHARS = 8
_AAD = b"holdingspace key file v1"


@dataclass(frozen=True, slots=True)
class KdfParams:
    """Argon2id cost. The defaults meet OWASP's guidance (64 MiB, 3 passes)."""

    memory_kib: int = 64 * 1024
    time_cost: int = 3
    parallelism: int = 1


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def derive_kek(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return bytes(
        hash_secret_raw(
            passphrase.encode("utf-8"),
            salt,
            time_cost=params.time_cost,
            memory_cost=params.memory_kib,
            parallelism=params.parallelism,
            hash_len=32,
            type=Type.ID,
        )
    )


def check_new_passphrase(passphrase: str) -> str:
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        raise InvalidInput(
            f"Please choose a passphrase of at least {MIN_PASSPHRASE_CHARS} characters."
        )
    return passphrase


def new_data_key() -> bytes:
    return os.urandom(DATA_KEY_BYTES)


def wrap(data_key: bytes, passphrase: str, params: KdfParams = KdfParams()) -> dict[str, Any]:
    """The key-file document for this data key under this passphrase."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt = os.urandom(16)
    nonce = os.urandom(12)
    kek = derive_kek(passphrase, salt, params)
    sealed = AESGCM(kek).encrypt(nonce, data_key, _AAD)
    return {
        "format": FORMAT,
        "version": VERSION,
        "kdf": {"name": "argon2id", **asdict(params), "salt": _b64(salt)},
        "wrap": {"alg": "AES-256-GCM", "nonce": _b64(nonce), "ciphertext": _b64(sealed)},
    }


def unwrap(document: dict[str, Any], passphrase: str) -> bytes:
    """The data key, or WrongPassphrase. A malformed document is CorruptData."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        if document["format"] != FORMAT or document["version"] != VERSION:
            raise CorruptData("The key file is of a format this version does not know.")
        kdf = document["kdf"]
        if kdf["name"] != "argon2id":
            raise CorruptData("The key file names a key derivation this version does not know.")
        params = KdfParams(int(kdf["memory_kib"]), int(kdf["time_cost"]), int(kdf["parallelism"]))
        salt = _unb64(kdf["salt"])
        nonce = _unb64(document["wrap"]["nonce"])
        sealed = _unb64(document["wrap"]["ciphertext"])
    except (KeyError, TypeError, ValueError) as error:
        raise CorruptData("The key file is damaged and cannot be read.") from error
    kek = derive_kek(passphrase, salt, params)
    try:
        data_key = AESGCM(kek).decrypt(nonce, sealed, _AAD)
    except InvalidTag:
        raise WrongPassphrase("That passphrase does not open this journal.") from None
    if len(data_key) != DATA_KEY_BYTES:
        raise CorruptData("The key file is damaged and cannot be read.")
    return data_key


def dumps(document: dict[str, Any]) -> bytes:
    return (json.dumps(document, indent=2) + "\n").encode("utf-8")


def loads(raw: bytes) -> dict[str, Any]:
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CorruptData("The key file is damaged and cannot be read.") from error
    if not isinstance(document, dict):
        raise CorruptData("The key file is damaged and cannot be read.")
    return document
