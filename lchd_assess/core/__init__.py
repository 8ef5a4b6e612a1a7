"""Core values every stage shares: errors and exit codes, Finding/Report values, paths, atomic output.

Imports nothing else of ours."""
