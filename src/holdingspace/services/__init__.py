"""The use cases: the only API the faces call."""
