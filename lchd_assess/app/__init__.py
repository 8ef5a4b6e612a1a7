"""Use cases: one function per command's job, calling each stage once (load → check → score →
context → render → write)."""
