"""holdingspace: a private companion for people who feel attached to their therapist."""

__version__ = "0.1.0"
