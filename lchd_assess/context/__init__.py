"""Typed context models for every template, built from scores and loaded data."""
