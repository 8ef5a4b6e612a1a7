"""The documentation site: page generators (pure text) and publishing with MkDocs."""
