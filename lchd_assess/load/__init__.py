"""Loading: the strict YAML loader, document kinds and their schema mapping, and the pydantic models
of the framework, instrument, partnership and reporting standard."""
