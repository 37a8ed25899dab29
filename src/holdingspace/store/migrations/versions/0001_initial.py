"""The first schema: entries with full-text search, the calendar, check-ins, ratings, settings.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uid", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("analysis", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_entries"),
        sa.UniqueConstraint("uid", name="uq_entries_uid"),
    )
    op.create_index("ix_entries_created_at", "entries", ["created_at"])
    op.create_table(
        "entry_signs",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(32), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["entries.id"], name="fk_entry_signs_entry_id_entries", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("entry_id", "label", name="pk_entry_signs"),
    )
    op.create_index("ix_entry_signs_label", "entry_signs", ["label"])
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uid", sa.String(32), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sessions"),
        sa.UniqueConstraint("uid", name="uq_sessions_uid"),
    )
    op.create_index("ix_sessions_starts_at", "sessions", ["starts_at"])
    op.create_table(
        "breaks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uid", sa.String(32), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_breaks"),
        sa.UniqueConstraint("uid", name="uq_breaks_uid"),
    )
    op.create_table(
        "checkins",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uid", sa.String(32), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.Column("instrument_id", sa.String(64), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_checkins"),
        sa.UniqueConstraint("uid", name="uq_checkins_uid"),
    )
    op.create_index("ix_checkins_taken_at", "checkins", ["taken_at"])
    op.create_table(
        "ratings",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uid", sa.String(32), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("rated_at", sa.DateTime(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name="fk_ratings_session_id_sessions",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_ratings"),
        sa.UniqueConstraint("uid", name="uq_ratings_uid"),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(128), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("key", name="pk_settings"),
    )
    # Full-text search over entries, kept in step by triggers. It lives inside the encrypted
    # database, so the index is as protected as the entries themselves.
    op.execute(
        "CREATE VIRTUAL TABLE entries_fts USING fts5("
        "text, content='entries', content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN "
        "INSERT INTO entries_fts(rowid, text) VALUES (new.id, new.text); END"
    )
    op.execute(
        "CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN "
        "INSERT INTO entries_fts(entries_fts, rowid, text) VALUES ('delete', old.id, old.text); END"
    )
    op.execute(
        "CREATE TRIGGER entries_fts_update AFTER UPDATE OF text ON entries BEGIN "
        "INSERT INTO entries_fts(entries_fts, rowid, text) VALUES ('delete', old.id, old.text); "
        "INSERT INTO entries_fts(rowid, text) VALUES (new.id, new.text); END"
    )


def downgrade() -> None:
    for trigger in ("entries_fts_insert", "entries_fts_delete", "entries_fts_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS entries_fts")
    for table in (
        "settings",
        "ratings",
        "checkins",
        "breaks",
        "sessions",
        "entry_signs",
        "entries",
    ):
        op.drop_table(table)
