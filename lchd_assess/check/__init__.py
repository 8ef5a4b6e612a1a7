"""Checking: validation of loaded documents (schema and semantic findings), always returning a Report."""
