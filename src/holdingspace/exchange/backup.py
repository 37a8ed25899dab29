"""The backup file: one encrypted, authenticated file that restores a whole journal.

    MAGIC (8 bytes) | header length (4 bytes, big-endian) | header (JSON) | sealed payload

The header carries the journal's wrapped key (so the backup opens with the passphrase that
was current when it was made) and a nonce. The payload is the JSON export, compressed, sealed
with AES-256-GCM under the data key; the magic and header are bound in as associated data, so
any change or truncation anywhere in the file is detected before anything is restored.
"""

from __future__ import annotations

import json
import os
import struct
import zlib
from typing import Any

from holdingspace.core.errors import CorruptData

MAGIC = b"HSBACKUP"
VERSION = 1
_LENGTH = struct.Struct(">I")
_DAMAGED = "That backup is damaged or incomplete, so nothing was restored."


def seal(export_json: str, data_key: bytes, key_document: dict[str, Any]) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(12)
    header = json.dumps(
        {
            "format": "holdingspace-backup",
            "version": VERSION,
            "key": key_document,
            "nonce": nonce.hex(),
        }
    ).encode("utf-8")
    prefix = MAGIC + _LENGTH.pack(len(header)) + header
    payload = zlib.compress(export_json.encode("utf-8"), 9)
    return prefix + AESGCM(data_key).encrypt(nonce, payload, prefix)


def read_header(blob: bytes) -> dict[str, Any]:
    """The backup's header (with its wrapped key), checked for shape only."""
    if len(blob) < len(MAGIC) + _LENGTH.size or not blob.startswith(MAGIC):
        raise CorruptData("That file is not a holdingspace backup, so nothing was restored.")
    (length,) = _LENGTH.unpack_from(blob, len(MAGIC))
    start = len(MAGIC) + _LENGTH.size
    if start + length > len(blob):
        raise CorruptData(_DAMAGED)
    try:
        header = json.loads(blob[start : start + length])
        if header["format"] != "holdingspace-backup" or header["version"] != VERSION:
            raise CorruptData("That backup comes from a version this one cannot read.")
        bytes.fromhex(header["nonce"])
        if not isinstance(header["key"], dict):
            raise ValueError
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise CorruptData(_DAMAGED) from None
    return dict(header)


def open_sealed(blob: bytes, data_key: bytes) -> str:
    """The export JSON inside the backup; CorruptData if a single byte is wrong or missing."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header = read_header(blob)
    (length,) = _LENGTH.unpack_from(blob, len(MAGIC))
    boundary = len(MAGIC) + _LENGTH.size + length
    try:
        payload = AESGCM(data_key).decrypt(
            bytes.fromhex(header["nonce"]), blob[boundary:], blob[:boundary]
        )
        return zlib.decompress(payload).decode("utf-8")
    except (InvalidTag, zlib.error, UnicodeDecodeError):
        raise CorruptData(_DAMAGED) from None
