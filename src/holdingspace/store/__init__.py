"""Storage behind one small protocol: an encrypted SQLite store and an in-memory double."""
