"""Scoring: pure functions over loaded data (statistics, privacy rules, the scorer) and its result model."""
