"""The domain: pure rules and records, standard library only, no I/O."""
