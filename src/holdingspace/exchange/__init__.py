"""Export and import formats. They return text or bytes; only the faces write files."""
