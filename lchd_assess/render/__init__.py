"""Rendering: the one Jinja environment, filters, SVG charts and figure, and the PDF wrapper."""
