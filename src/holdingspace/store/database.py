"""Opening the encrypted database: SQLCipher 4 keyed with the raw data key, then migrations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from holdingspace.core.errors import CorruptData

MIN_SQLCIPHER_MAJOR = 4
_MIGRATIONS = Path(__file__).parent / "migrations"


def connect(path: Path, data_key: bytes) -> Any:
    """A SQLCipher connection, keyed and checked; CorruptData if the file is not our database."""
    import sqlcipher3

    connection = sqlcipher3.connect(str(path), check_same_thread=False, isolation_level=None)
    try:
        connection.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        version = connection.execute("PRAGMA cipher_version").fetchone()
        if version is None or int(str(version[0]).split(".")[0]) < MIN_SQLCIPHER_MAJOR:
            raise CorruptData("holdingspace needs SQLCipher 4 or newer; please update sqlcipher3.")
        connection.execute("PRAGMA secure_delete = ON")
        connection.execute("PRAGMA temp_store = MEMORY")
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA busy_timeout = 5000")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as error:
        connection.close()
        raise CorruptData(
            "The journal database is damaged or is not a holdingspace journal; nothing was changed."
        ) from error
    return connection


def make_engine(path: Path, data_key: bytes) -> Engine:
    import sqlcipher3

    engine = create_engine(
        "sqlite://",
        module=sqlcipher3.dbapi2,
        creator=lambda: connect(path, data_key),
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=4,
    )

    @event.listens_for(engine, "begin")
    def _begin_immediate(conn: Any) -> None:
        # pysqlite-style drivers start transactions lazily; take the write lock up front so
        # two writers never deadlock halfway through.
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (a no-op when it is already there)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def integrity_ok(engine: Engine) -> bool:
    with engine.connect() as connection:
        row = connection.exec_driver_sql("PRAGMA integrity_check").fetchone()
    return row is not None and row[0] == "ok"
